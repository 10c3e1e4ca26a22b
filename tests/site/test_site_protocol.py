"""The shared wire rules (no server): shapes, per-item value rules, fingerprints, catalogue CSV."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from site_helpers import item

from shopsync.errors import ConfigError
from shopsync.model import Availability, ProductState, SizeState
from shopsync.site import protocol
from shopsync.site.protocol import WireError
from shopsync.site.sandbox import validation
from shopsync.site.sandbox.catalog import read_catalog_csv
from shopsync.site.sandbox.storefront import availability_label, euros


@pytest.mark.parametrize("price", ["0.00", "1290.00", "12.50", "9999999999.99"])
def test_valid_prices(price: str) -> None:
    assert validation.is_price(price)


@pytest.mark.parametrize(
    "price", ["1290", "1290.5", "1 290,00", "-1.00", "01.00", "1e3", "", " 1.00", 12.5]
)
def test_invalid_prices(price: object) -> None:
    assert not validation.is_price(price)


def test_engine_wire_items_pass_the_rules() -> None:
    """What ProductState.wire() produces (plus the outbox's version) is a valid item."""
    state = ProductState(
        reference="AL/1234.56",
        published=True,
        availability=Availability.BACKORDER,
        quantity=0,
        price=Decimal("1290"),
        sizes=(SizeState("52", 0, Decimal("1290")), SizeState("54", 1, None)),
    )
    wire = {**state.wire(), "version": 3}
    validation.check_batch_body({"items": [wire]})
    checked = validation.validate_item(wire, has_sizes=True)
    assert isinstance(checked, validation.StockItem)
    assert checked.price == "1290.00" and checked.sizes[1].price is None


@pytest.mark.parametrize(
    ("changes", "has_sizes", "reason"),
    [
        ({"quantity": -1}, False, "negative_quantity"),
        ({"quantity": 10**12}, False, "invalid_quantity"),
        ({"availability": "sold_out"}, False, "invalid_availability"),
        ({"price": "12,00"}, False, "invalid_price"),
        ({"sizes": [{"size": "52", "quantity": 1, "price": None}]}, False, "unexpected_sizes"),
        ({"sizes": [{"size": " ", "quantity": 1, "price": None}]}, True, "invalid_size"),
        ({"sizes": [{"size": "52", "quantity": 1, "price": None}] * 2}, True, "duplicate_size"),
        ({"sizes": [{"size": "52", "quantity": -2, "price": None}]}, True, "negative_quantity"),
        ({"sizes": [{"size": "52", "quantity": 1, "price": "5"}]}, True, "invalid_price"),
    ],
)
def test_per_item_rejections(changes: dict, has_sizes: bool, reason: str) -> None:
    assert validation.validate_item(item("R", 1, **changes), has_sizes=has_sizes) == reason


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"items": {}},
        {"items": [1]},
        {"items": [{"reference": "R"}]},
        {"items": [item("", 1)]},
        {"items": [item("R", -1)]},
        {"items": [item("R", True)]},
        {"items": [item("R", 1, published="yes")]},
        {"items": [item("R", 1, quantity=1.5)]},
        {"items": [item("R", 1, price=12)]},
        {"items": [item("R", 1, sizes={})]},
        {"items": [item("R", 1, sizes=[{"size": 52, "quantity": 1, "price": None}])]},
    ],
)
def test_malformed_batches_are_refused_whole(body: object) -> None:
    with pytest.raises(WireError):
        validation.check_batch_body(body)


def test_integral_floats_are_integers_as_in_json_schema() -> None:
    validation.check_batch_body({"items": [item("R", 2.0, quantity=3.0)]})
    assert validation.validate_item(item("R", 2.0, quantity=3.0), has_sizes=False).version == 2


def test_fingerprint_ignores_key_order_and_spacing() -> None:
    a = protocol.loads(b'{"items": [{"a": 1, "b": [1, 2]}]}')
    b = protocol.loads(b'{"items":[{"b":[1,2],"a":1}]}')
    assert protocol.body_fingerprint(a) == protocol.body_fingerprint(b)
    assert protocol.body_fingerprint(a) != protocol.body_fingerprint({"items": []})


def test_json_constants_are_refused() -> None:
    with pytest.raises(ValueError):
        protocol.loads(b'{"items": [NaN]}')


def test_cursors_round_trip_and_forged_ones_are_harmless() -> None:
    assert validation.decode_cursor(validation.encode_cursor("AL/1234.56 é")) == "AL/1234.56 é"
    assert validation.decode_cursor("ff") == "\ufffd"
    with pytest.raises(WireError):
        validation.decode_cursor("xyz")


def test_settings_rules() -> None:
    good = {"backorder": {"enabled": True, "restock_days": 10, "message": "sous {days} jours"}}
    assert validation.check_settings(good) == good
    for bad in ({}, {"backorder": {"enabled": 1, "restock_days": 1, "message": ""}},
                {"backorder": {"enabled": True, "restock_days": 400, "message": ""}}):  # fmt: skip
        with pytest.raises(WireError):
            validation.check_settings(bad)
    assert validation.backorder_text("Expédié sous {days} jours {x}", 7) == "Expédié sous 7 jours {x}"


def test_catalogue_csv_variants(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(
        "Reference;Brand;Title;Has_sizes;Sizes\r\nAL/1;Alliance;Anneau;oui;50|52\r\nW 2;Tissot;Montre é;non;\r\n"
        "\r\nX3;B;;;\r\n".encode("cp1252")
    )
    products = read_catalog_csv(path)
    assert [(p.reference, p.has_sizes, p.sizes) for p in products] == [
        ("AL/1", True, ("50", "52")),
        ("W 2", False, ()),
        ("X3", False, ()),
    ]
    assert products[1].title == "Montre é"
    path.write_text("reference,brand,has_sizes\nA,B,peut-être\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=":2: has_sizes"):
        read_catalog_csv(path)
    path.write_text("ref,brand\nA,B\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="reference"):
        read_catalog_csv(path)


def test_storefront_wording() -> None:
    assert euros("1290.00") == "1\u202f290,00\u202f€"
    assert euros("1234567.50") == "1\u202f234\u202f567,50\u202f€"
    assert euros("0.99") == "0,99\u202f€"
    assert euros(None) == "Prix sur demande"
    rule = {"message": "Sur commande — expédié sous {days} jours", "restock_days": 10}
    assert (
        availability_label({"availability": "backorder"}, rule)[0]
        == "Sur commande — expédié sous 10 jours"
    )
    assert availability_label({"availability": "out_of_stock"}, rule)[0] == "Épuisé"
    assert availability_label({"availability": "preorder"}, rule)[0] == "Précommande"
    assert availability_label({"availability": "in_stock"}, rule)[0] == "En stock"


def test_the_contract_document_states_the_protocol_limits() -> None:
    """The limits are constants of `protocol`, used by both sides; openapi.json says the same."""
    doc = protocol.load_openapi()
    schemas = doc["components"]["schemas"]
    item = schemas["StockItem"]["properties"]
    assert item["reference"]["maxLength"] == protocol.MAX_REFERENCE_LENGTH
    assert item["version"]["maximum"] == protocol.MAX_VERSION
    limit = doc["components"]["parameters"]["Limit"]["schema"]
    assert (limit["maximum"], limit["default"]) == (
        protocol.MAX_PAGE_LIMIT,
        protocol.DEFAULT_PAGE_LIMIT,
    )
    listing = schemas["ListingRequestBody"]["properties"]["items"]
    assert listing["maxItems"] == protocol.MAX_LISTING_ITEMS
    listed = schemas["ListingItem"]["properties"]["reference"]
    assert listed["maxLength"] == protocol.MAX_REFERENCE_LENGTH
    backorder = schemas["BackorderRule"]["properties"]
    assert backorder["restock_days"]["maximum"] == protocol.MAX_RESTOCK_DAYS
    assert backorder["message"]["maxLength"] == protocol.MAX_MESSAGE_LENGTH
