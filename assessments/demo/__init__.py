"""Demo visits for the demo clients: the data (`visits`) and its loader (`loader`).

`load_demo` is what the load_demo command calls in every app's `demo`.
"""

from assessments.demo.loader import load_demo

__all__ = ["load_demo"]
