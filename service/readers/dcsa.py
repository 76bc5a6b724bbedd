"""DCSA transport documents (eBL) and shipping instructions, by the field names of DCSA's OpenAPI.

transportDocumentReference (or shippingInstructionsReference) is the number and
transportDocumentTypeCode (BOL, SWB) the type; issueDate, shippedOnBoardDate (departure);
issuingParty is the carrier; documentParties as an object (shipper, consignee, notifyParties:
version 3) or a list by partyFunction (OS shipper, CN consignee, N1 notify: version 2), each
with partyName and an address (street, streetNumber, floor, postCode, city, stateRegion,
countryCode); transports (portOfLoading, portOfDischarge, placeOfDelivery with UNLocationCode
and locationName, vesselVoyages, plannedArrivalDate); incoTerms; charges' paymentTermCode (PRE,
COL) when they all agree; one item per consignmentItems entry (descriptionOfGoods, HSCodes,
shippingMarks, and the packages, weight and volume of its cargo item when it has one); one
container per utilizedTransportEquipments entry (equipmentReference, ISOEquipmentCode, seals).
"""

from __future__ import annotations

from typing import Any

from service.readers.detect import Detected
from service.readers.json_spans import parse
from service.readers.reading import (
    Item,
    NotReadable,
    Reading,
    agreed,
    blank,
    container,
    measure,
    party,
    place,
)
from service.readers.spans import Span, finish, join

_TYPES = {"BOL": "bill_of_lading", "SWB": "sea_waybill"}
_FUNCTIONS = {"OS": "shipper", "CN": "consignee", "N1": "notify_party"}
_ADDRESS = ("street", "streetNumber", "floor", "postCode", "city", "stateRegion", "countryCode")


def _at(value: Any, *path: str | int) -> Any:
    """The value at `path` (keys and list indices), None where any step is missing."""
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and len(value) > step else None
        else:
            value = value.get(step) if isinstance(value, dict) else None
    return value


def _span(value: Any, *path: str | int) -> Span | None:
    found = _at(value, *path)
    return found if isinstance(found, Span) else None


def _list(value: Any, *path: str | int) -> list[Any]:
    found = _at(value, *path)
    return found if isinstance(found, list) else []


def _party(found: Any) -> dict[str, Any] | None:
    address = _at(found, "address")
    return party(
        _span(found, "partyName"),
        join([_span(address, key) for key in _ADDRESS]),
        _span(address, "countryCode"),
    )


def _place(found: Any) -> dict[str, Any] | None:
    code = _span(found, "UNLocationCode")
    return place(_span(found, "locationName") or code, code)


def _item(entry: Any) -> dict[str, Any]:
    descriptions = _list(entry, "descriptionOfGoods") or [_at(entry, "descriptionOfGoods")]
    cargo = _list(entry, "cargoItems")
    single = cargo[0] if len(cargo) == 1 else None
    packaging = _at(single, "outerPackaging")
    dangerous = _at(packaging, "dangerousGoods", 0)
    item = Item(
        description=join([span for span in descriptions if isinstance(span, Span)]),
        hs_code=_span(entry, "HSCodes", 0) or _span(entry, "HSCode"),
        quantity=_span(packaging, "numberOfPackages"),
        package_type=_span(packaging, "packageCode") or _span(packaging, "description"),
        gross_weight=measure(
            _span(single, "cargoGrossWeight", "value"), _span(single, "cargoGrossWeight", "unit")
        ),
        volume=measure(_span(single, "cargoGrossVolume", "value"), _span(single, "cargoGrossVolume", "unit")),
        marks=join([span for span in _list(entry, "shippingMarks") if isinstance(span, Span)]),
        un_number=_span(dangerous, "UNNumber"),
        hazard_class=_span(dangerous, "imoClass"),
    )
    return item.tree()


def _equipment(entry: Any) -> dict[str, Any] | None:
    number = _span(entry, "equipment", "equipmentReference") or _span(entry, "equipmentReference")
    if number is None:
        return None
    seal = _span(entry, "seals", 0, "number") or _span(entry, "seals", 0, "sealNumber")
    return container(number, seal, _span(entry, "equipment", "ISOEquipmentCode"))


def _parties(document: Any) -> dict[str, Any]:
    parties = _at(document, "documentParties")
    if isinstance(parties, dict):
        return {
            "shipper": _party(_at(parties, "shipper")),
            "consignee": _party(_at(parties, "consignee")),
            "notify_party": _party(_at(parties, "notifyParties", 0)),
            "carrier": _span(parties, "issuingParty", "partyName"),
        }
    found: dict[str, Any] = {}
    for entry in _list(document, "documentParties"):
        key = _FUNCTIONS.get(getattr(_span(entry, "partyFunction"), "value", ""))
        if key is not None and key not in found:
            found[key] = _party(_at(entry, "party"))
    return found


def read(text: str, found: Detected) -> Reading:
    """The extraction of the DCSA JSON document at text[found.start:found.end]."""
    document, _ = parse(text, found.start)
    if not isinstance(document, dict):
        raise NotReadable("DCSA: the document is not a JSON object")
    kind = getattr(_span(document, "transportDocumentTypeCode"), "value", "BOL")
    tree = blank(_TYPES.get(kind, "bill_of_lading"), "sea")
    transports = _at(document, "transports")
    charges = [_span(charge, "paymentTermCode") for charge in _list(document, "charges")]
    tree.update(
        document_number=_span(document, "transportDocumentReference")
        or _span(document, "shippingInstructionsReference"),
        issue_date=_span(document, "issueDate"),
        carrier=_span(document, "issuingParty", "partyName"),
        vessel_or_flight=_span(transports, "vesselVoyages", 0, "vesselName"),
        voyage=_span(transports, "vesselVoyages", 0, "carrierExportVoyageNumber"),
        port_of_loading=_place(_at(transports, "portOfLoading")),
        port_of_discharge=_place(_at(transports, "portOfDischarge")),
        place_of_delivery=_place(_at(transports, "placeOfDelivery")),
        departure_date=_span(document, "shippedOnBoardDate") or _span(transports, "plannedDepartureDate"),
        arrival_date=_span(transports, "plannedArrivalDate"),
        incoterm=_span(document, "incoTerms"),
        freight_terms=agreed(charges),
        containers=[box for e in _list(document, "utilizedTransportEquipments") if (box := _equipment(e))],
        items=[_item(entry) for entry in _list(document, "consignmentItems")],
    )
    parties = _parties(document)
    tree.update({key: value for key, value in parties.items() if key != "carrier" or value is not None})
    tree["items"] = [item for item in tree["items"] if item["description"] is not None]
    extraction, offsets = finish(tree)
    return Reading("dcsa", extraction, offsets, [])
