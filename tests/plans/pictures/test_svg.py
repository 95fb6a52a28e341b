"""Uploaded SVG pictures are rebuilt from an allow-list: hostile content never survives."""

import time
import xml.etree.ElementTree as ET

import pytest

from plans.pictures import PictureError, read_picture
from plans.pictures.svg import SVGError, sanitize_svg

NS = 'xmlns="http://www.w3.org/2000/svg"'
LIMIT = 512 * 1024


def _svg(body: str, attrs: str = 'viewBox="0 0 10 10"') -> bytes:
    return f"<svg {NS} {attrs}>{body}</svg>".encode()


def _clean(body: str, attrs: str = 'viewBox="0 0 10 10"') -> str:
    return sanitize_svg(_svg(body, attrs)).decode()


def test_svg_plain_drawing_keeps_its_shapes_and_gets_role_img() -> None:
    text = _clean('<title>Wall sit</title><g fill="#000"><rect x="1" y="2" width="3" height="4"/>'
                  '<path d="M0 0 L5 5" stroke="red" stroke-width="2"/></g>')  # fmt: skip
    assert text == (
        f'<svg {NS} role="img" viewBox="0 0 10 10"><title>Wall sit</title><g fill="#000">'
        '<rect x="1" y="2" width="3" height="4"></rect>'
        '<path d="M0 0 L5 5" stroke="red" stroke-width="2"></path></g></svg>'
    )


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<script xlink:href="https://evil.example/x.js" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"/>',
        "<foreignObject><p xmlns='http://www.w3.org/1999/xhtml'>x</p></foreignObject>",
        "<style>@import url(https://evil.example/x.css); rect {fill: red}</style>",
        '<image href="https://evil.example/x.png" width="5" height="5"/>',
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>',
        '<a href="javascript:alert(1)"><text>click</text></a>',
        '<animate attributeName="href" to="javascript:alert(1)"/>',
        '<set attributeName="onclick" to="alert(1)"/>',
        '<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/>',
        '<feImage href="https://evil.example/x.svg"/>',
    ],
)
def test_svg_hostile_elements_are_dropped_whole(hostile: str) -> None:
    text = _clean(f'{hostile}<circle r="2"/>')
    assert text == f'<svg {NS} role="img" viewBox="0 0 10 10"><circle r="2"></circle></svg>'


@pytest.mark.parametrize(
    "attribute",
    [
        'onload="alert(1)"',
        'onclick="alert(1)"',
        'ONMOUSEOVER="alert(1)"',
        'class="x"',
        'data-x="1"',
        'fill="url(https://evil.example/p.svg#g)"',
        'fill="url(data:image/svg+xml;base64,PHN2Zz4=)"',
        "fill=\"url('//evil.example/x')\"",
        'style="fill:url(https://evil.example/x)"',
        'style="fill:url(data:image/png;base64,AAAA)"',
        'style="background-image:url(#g)"',
        'style="behavior:url(x.htc)"',
        'style="fill:\\75 rl(https://evil.example)"',
        'style="fill:expression(alert(1))"',
        'xml:base="https://evil.example/"',
        'transform="url(https://evil.example)"',
    ],
)
def test_svg_hostile_attributes_are_dropped(attribute: str) -> None:
    text = _clean(f'<rect width="5" height="5" {attribute}/>')
    assert text == (
        f'<svg {NS} role="img" viewBox="0 0 10 10"><rect width="5" height="5"></rect></svg>'
    )


def test_svg_style_keeps_only_safe_properties() -> None:
    text = _clean('<rect width="1" height="1" style="fill: red; stroke:url(#g); '
                  'position:fixed; filter:url(#f)"/>')  # fmt: skip
    assert 'style="fill:red;stroke:url(#g)"' in text


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ('href="#shape"', 'href="#shape"'),
        ('xlink:href="#shape" xmlns:xlink="http://www.w3.org/1999/xlink"', 'href="#shape"'),
        ('href="https://evil.example/x.svg#shape"', ""),
        ('href="x.svg#shape"', ""),
        ('href="file:///etc/passwd"', ""),
        ('href="data:image/svg+xml,&lt;svg/&gt;"', ""),
    ],
)
def test_svg_links_only_to_fragments_of_itself(link: str, kept: str) -> None:
    text = _clean(f'<defs><circle id="shape" r="1"/></defs><use {link}/>')
    assert f"<use{' ' + kept if kept else ''}></use>" in text


def test_svg_fill_may_point_to_its_own_gradient() -> None:
    gradient = '<linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient>'
    text = _clean(f'<defs>{gradient}</defs><rect width="9" height="9" fill="url(#g)"/>')
    assert 'fill="url(#g)"' in text
    assert '<linearGradient id="g"><stop offset="0" stop-color="#000"></stop>' in text


@pytest.mark.parametrize(
    "document",
    [
        # Billion laughs: entities that expand exponentially.
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&lol3;</text></svg>',
        # An external entity (file read) and an external DTD.
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&xxe;</text></svg>',
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/'
        b'DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
        # A parameter entity.
        b'<!DOCTYPE svg [<!ENTITY % p SYSTEM "https://evil.example/x.dtd"> %p;]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
    ],
)
def test_svg_any_dtd_is_refused_before_expanding(document: bytes) -> None:
    started = time.perf_counter()
    with pytest.raises(SVGError, match="document type declaration"):
        sanitize_svg(document)
    assert time.perf_counter() - started < 1  # nothing expanded


def test_svg_undefined_entity_is_not_a_picture() -> None:
    with pytest.raises(SVGError, match="not a readable SVG"):
        sanitize_svg(_svg("<text>&xxe;</text>"))


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<html><body>hi</body></html>", "not an SVG picture"),
        (b'<svg viewBox="0 0 1 1"/>', "not an SVG picture"),  # no SVG namespace
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect/>", "not a readable SVG"),
        (_svg("<rect/>", attrs=""), "no size"),
        (_svg("<rect/>", attrs='width="50%" height="10"'), "no size"),
        (_svg("<g>" * 60 + "</g>" * 60), "too complex"),
    ],
)
def test_svg_that_cannot_be_drawn_is_refused(document: bytes, message: str) -> None:
    with pytest.raises(SVGError, match=message):
        sanitize_svg(document)


def test_svg_width_and_height_give_a_view_box() -> None:
    text = _clean('<rect width="4" height="2"/>', attrs='width="40px" height="20"')
    assert text.startswith(f'<svg {NS} role="img" width="40px" height="20" viewBox="0 0 40 20">')


def test_svg_text_is_escaped_and_comments_dropped() -> None:
    text = _clean("<!-- <script>x</script> --><text>a &lt;b&gt; &amp; c</text>")
    assert "<text>a &lt;b&gt; &amp; c</text>" in text
    assert "script" not in text


def test_svg_output_is_well_formed_and_stable() -> None:
    first = sanitize_svg(_svg('<circle cx="1" cy="1" r="1" onload="x"/>'))
    assert sanitize_svg(first) == first  # cleaning again changes nothing
    root = ET.fromstring(first)  # noqa: S314 - already cleaned
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_read_picture_svg_is_cleaned_and_named_by_content() -> None:
    picture = read_picture(_svg('<rect width="1" height="1" onclick="x"/>'), max_bytes=LIMIT)
    assert picture.content_type == "image/svg+xml"
    assert b"onclick" not in picture.data
    assert len(picture.digest) == 64


def test_read_picture_refuses_other_types_and_empty_files() -> None:
    with pytest.raises(PictureError, match="empty"):
        read_picture(b"", max_bytes=LIMIT)
    with pytest.raises(PictureError, match="PNG, JPEG or SVG"):
        read_picture(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", max_bytes=LIMIT)
    with pytest.raises(PictureError, match="larger than 1 KB"):
        read_picture(_svg("<rect/>" * 200), max_bytes=1024)
