"""Cleaning an uploaded SVG picture: an allow-list of elements and attributes, rebuilt.

Pure Python (no Django). The upload is parsed with expat and written out anew from what
the allow-list keeps, so nothing the list does not name can pass: no scripts, no
foreignObject or embedded images, no event handlers, no styles sheets, no links except to
fragments of the same picture (`#id`), no url() except `url(#id)`, no DTD (so no entity
can expand: billion laughs, external entities). A picture that cannot be drawn (no size,
not SVG, too deep) is refused with a message for the person uploading it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat  # DTDs are refused below, so no entity ever expands
from xml.sax.saxutils import escape, quoteattr

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_DEPTH = 40
MAX_ELEMENTS = 20000

ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle",
        "ellipse", "line", "polyline", "polygon", "text", "tspan", "linearGradient",
        "radialGradient", "stop", "clipPath", "mask", "marker", "pattern",
    }
)  # fmt: skip
TEXT_ELEMENTS = frozenset({"title", "desc", "text", "tspan"})
# Presentation and geometry attributes; also the properties a style="" may keep.
PROPERTIES = frozenset(
    {
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
        "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
        "stroke-opacity", "opacity", "clip-path", "clip-rule", "mask", "marker-start",
        "marker-mid", "marker-end", "visibility", "display", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "dominant-baseline", "letter-spacing",
        "stop-color", "stop-opacity", "color",
    }
)  # fmt: skip
ATTRIBUTES = PROPERTIES | frozenset(
    {
        "id", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
        "fr", "width", "height", "d", "points", "viewBox", "preserveAspectRatio",
        "transform", "offset", "gradientUnits", "gradientTransform", "spreadMethod",
        "patternUnits", "patternContentUnits", "patternTransform", "clipPathUnits",
        "maskUnits", "maskContentUnits", "markerWidth", "markerHeight", "markerUnits",
        "refX", "refY", "orient", "dx", "dy", "rotate", "textLength", "lengthAdjust",
        "pathLength", "style",
    }
)  # fmt: skip
LINKING = frozenset({"use", "linearGradient", "radialGradient", "pattern"})
FRAGMENT = re.compile(r"#[A-Za-z_][A-Za-z0-9_.:-]{0,100}")
URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE)
# Anything CSS could use to escape or reach out, in a value we keep.
CSS_DANGER = re.compile(r"[\\<>]|@|/\*|expression|javascript:|data:|image\(|image-set", re.I)
NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


class SVGError(ValueError):
    """The upload is not an SVG picture we accept; the message is for the user."""


@dataclass
class _Node:
    name: str
    attributes: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


def _refuse_dtd(*_args: object) -> int:
    raise SVGError("The SVG has a document type declaration (DTD); please save it without.")


def _parse(data: bytes) -> _Node:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    root = _Node("", {})
    stack = [root]
    count = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if len(stack) > MAX_DEPTH or count > MAX_ELEMENTS:
            raise SVGError("The SVG is too complex; please simplify it.")
        node = _Node(name, attributes)
        stack[-1].children.append(node)
        stack.append(node)

    def end(_name: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        stack[-1].children.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        raise SVGError("The file is not a readable SVG picture.") from None
    elements = [child for child in root.children if isinstance(child, _Node)]
    if len(elements) != 1 or elements[0].name != f"{SVG_NS} svg":
        raise SVGError("The file is not an SVG picture.")
    return elements[0]


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an expat name ("uri local" or "local")."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _safe_value(value: str) -> str | None:
    """The value if every url() in it points inside the picture and nothing else escapes."""
    for match in URL.finditer(value):
        if not FRAGMENT.fullmatch(match.group(2).strip()):
            return None
    rest = URL.sub("", value)
    if "url" in rest.lower() or CSS_DANGER.search(rest):
        return None
    return value


def _style(value: str) -> str:
    kept = []
    for declaration in value.split(";"):
        name, colon, raw = declaration.partition(":")
        name = name.strip().lower()
        if not colon or name not in PROPERTIES:
            continue
        safe = _safe_value(raw.strip())
        if safe:
            kept.append(f"{name}:{safe}")
    return ";".join(kept)


def _attributes(element: str, attributes: dict[str, str]) -> list[tuple[str, str]]:
    kept: list[tuple[str, str]] = []
    for raw_name, value in attributes.items():
        namespace, name = _local(raw_name)
        if name == "href" and namespace in {"", XLINK_NS}:
            if element in LINKING and FRAGMENT.fullmatch(value.strip()):
                kept.append(("href", value.strip()))
            continue
        if namespace or name not in ATTRIBUTES:
            continue  # event handlers, xlink:*, xml:*, class, data-* and the like
        if name == "style":
            value = _style(value)
            if value:
                kept.append((name, value))
            continue
        safe = _safe_value(value)
        if safe is not None:
            kept.append((name, safe))
    return kept


def _write(node: _Node, out: list[str]) -> None:
    namespace, name = _local(node.name)
    if namespace != SVG_NS or name not in ELEMENTS:
        return  # with everything inside it: scripts, foreignObject, images, styles...
    attributes = _attributes(name, node.attributes)
    attrs = "".join(f" {key}={quoteattr(value)}" for key, value in attributes)
    out.append(f"<{name}{attrs}>")
    for child in node.children:
        if isinstance(child, _Node):
            _write(child, out)
        elif name in TEXT_ELEMENTS:
            out.append(escape(child))
    out.append(f"</{name}>")


def _root_attributes(node: _Node) -> None:
    """Give the picture a viewBox (from a numeric width and height) and role="img"."""
    attributes = {_local(key)[1]: value for key, value in node.attributes.items()}
    if "viewBox" not in attributes:
        width = NUMBER.match(attributes.get("width", ""))
        height = NUMBER.match(attributes.get("height", ""))
        if not (width and height):
            raise SVGError("The SVG has no size: give it a viewBox, or a width and height.")
        node.attributes["viewBox"] = f"0 0 {width.group(1)} {height.group(1)}"


def sanitize_svg(data: bytes) -> bytes:
    """The picture rebuilt from what the allow-list keeps, as UTF-8; SVGError if refused."""
    root = _parse(data)
    _root_attributes(root)
    out: list[str] = []
    _write(root, out)
    text = "".join(out)
    # The root element written by _write: add the namespace and the image role.
    text = text.replace("<svg", f'<svg xmlns="{SVG_NS}" role="img"', 1)
    return text.encode("utf-8")
