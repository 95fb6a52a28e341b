"""The body chart: where it hurts, front and back, with a pain type and intensity per region.

`regions` is the pure list of regions and pain types, `shapes` the figures' outlines,
`below_knee` the one rule the findings read. Storage is the BodyChartMark model; reads and
writes sit with the assessment's own (selectors, services). docs/assessment.md "Body chart".
"""
