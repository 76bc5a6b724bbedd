"""X12 test messages built from the segment layouts (our own values, not a third party's messages).

`seg("N7", {1: "NSLU", 2: "4455661", 22: "42G1"})` writes the elements at the positions
the standard numbers them, so a test reads like the layout it exercises.
"""

from __future__ import annotations


def seg(tag: str, elements: dict[int, str]) -> str:
    """One segment with `elements` at their 1-based positions, empty ones between, `~` ended."""
    values = [elements.get(position, "") for position in range(1, max(elements) + 1)]
    return "*".join([tag, *values]) + "~"


def isa(control: str = "000000101") -> str:
    """A fixed-width ISA header (106 characters with its terminator), component separator `>`."""
    header = "*".join(
        [
            "ISA", "00", " " * 10, "00", " " * 10, "ZZ", "OCEANCARRIER".ljust(15), "ZZ",
            "BROKERDESK".ljust(15), "260301", "0930", "U", "00401", control, "0", "P", ">",
        ]
    )  # fmt: skip
    return header + "~"


def interchange(body: list[str], code: str = "310", version: str = "004010") -> str:
    """ISA, GS, ST, the body segments, SE, GE, IEA: one segment a line."""
    segments = [
        isa(),
        seg("GS", {1: "IO", 2: "OCEANCARRIER", 3: "BROKERDESK", 4: "20260301", 5: "0930", 6: "101", 7: "X",
                   8: version}),
        seg("ST", {1: code, 2: "0001"}),
        *body,
        seg("SE", {1: str(len(body) + 2), 2: "0001"}),
        seg("GE", {1: "1", 2: "101"}),
        seg("IEA", {1: "1", 2: "000000101"}),
    ]  # fmt: skip
    return "\n".join(segments) + "\n"


# A 310 freight receipt: one bill, two lines, the second with dangerous goods.
BILL_310 = [
    seg("B3", {2: "NLAX0042", 3: "NLAX0042", 4: "CC", 6: "20260228", 11: "NLAX"}),
    seg("B2A", {1: "00"}),
    seg("N9", {1: "BN", 2: "BK77120", 3: "BOOKING NUMBER"}),
    seg("N9", {1: "BM", 2: "NLAXHAM260211", 3: "BILL OF LADING NUMBER"}),
    seg("V1", {1: "9301234", 2: "NORDIC STAR", 3: "DE", 4: "012W", 8: "L"}),
    seg("N1", {1: "SH", 2: "ELBWERK MASCHINEN GMBH", 3: "25", 4: "4711"}),
    seg("N3", {1: "INDUSTRIESTRASSE 12"}),
    seg("N4", {1: "HAMBURG", 3: "20457", 4: "DE"}),
    seg("N1", {1: "CN", 2: "GREAT LAKES TOOLING INC"}),
    seg("N3", {1: "4100 RIVER ROAD", 2: "SUITE 7"}),
    seg("N4", {1: "TOLEDO", 2: "OH", 3: "43604", 4: "US"}),
    seg("N1", {1: "CA", 2: "NORDIC LINES AS"}),
    seg("R4", {1: "L", 2: "UN", 3: "DEHAM", 4: "HAMBURG", 5: "DE"}),
    seg("DTM", {1: "140", 2: "20260302", 3: "1800", 4: "LT"}),
    seg("R4", {1: "D", 2: "UN", 3: "USNYC", 4: "NEW YORK, NY", 5: "US"}),
    seg("DTM", {1: "139", 2: "20260315"}),
    seg("R4", {1: "E", 4: "TOLEDO", 5: "US"}),
    seg("C8", {3: "BASIC FREIGHT: COLLECT"}),
    seg("LX", {1: "1"}),
    seg("N7", {1: "NSLU", 2: "4455661", 3: "12500", 4: "G", 8: "33.5", 9: "X", 22: "42G1"}),
    seg("M7", {1: "SL778899"}),
    seg("L0", {1: "1", 4: "12500", 5: "G", 6: "33.5", 7: "X", 8: "40", 9: "CTN", 11: "K"}),
    seg("L5", {1: "1", 2: "MACHINE TOOL SPARE PARTS", 3: "846693", 4: "Z", 6: "NS/TOL 1-40"}),
    seg("LX", {1: "2"}),
    seg("N7", {1: "NSLU", 2: "4455672", 22: "22G1"}),
    seg("L0", {1: "2", 4: "3300", 5: "G", 8: "12", 9: "DRM", 11: "L"}),
    seg("L5", {1: "2", 2: "12 DRUMS OF 200 L . PAINT"}),
    seg("L5", {1: "2", 2: "RELATED MATERIAL . REF: PO 5521"}),
    seg("H1", {1: "1263", 2: "3"}),
    seg("L3", {1: "15800", 2: "G", 9: "33.5", 10: "X", 11: "2", 12: "K"}),
]

# A 309 customs manifest: two bills, the same consignee and final destination, different shippers.
MANIFEST_309 = [
    seg("M10", {1: "NLAX", 2: "O", 3: "LR", 4: "9301234", 5: "NORDIC STAR", 6: "012W", 7: "NLX012W", 8: "2"}),
    seg("P4", {1: "4601", 2: "260315", 3: "2"}),
    seg("LX", {1: "1"}),
    seg("M11", {1: "NLAXHAM001", 2: "42870", 3: "40", 4: "CTN", 5: "8200", 6: "K", 10: "HAMBURG"}),
    seg("N1", {1: "SH", 2: "ELBWERK MASCHINEN GMBH"}),
    seg("N1", {1: "CN", 2: "GREAT LAKES TOOLING INC"}),
    seg("N3", {1: "4100 RIVER ROAD"}),
    seg("N4", {1: "TOLEDO", 2: "OH", 3: "43604", 4: "US"}),
    seg("N1", {1: "FS", 2: "USNYC", 4: "USNYC"}),
    seg("VID", {1: "2B", 2: "NSLU", 3: "4455661", 4: "SL1001", 9: "22G1"}),
    seg("N10", {1: "40", 2: "1 CONTAINER 20 FT CONTAINING 40 CARTONS", 3: "NS/TOL", 4: "J", 5: "846693",
                7: "K", 8: "8200"}),
    seg("N10", {2: ". 8466.93 MACHINE TOOL SPA", 3: "1-40"}),
    seg("N10", {2: "RE PARTS . REF: PO 5521"}),
    seg("LX", {1: "2"}),
    seg("M11", {1: "NLAXHAM002", 2: "42870", 3: "12", 4: "DRM", 5: "3300", 6: "K", 10: "HAMBURG"}),
    seg("N1", {1: "SH", 2: "RHEINFARBEN AG"}),
    seg("N1", {1: "CN", 2: "GREAT LAKES TOOLING INC"}),
    seg("N3", {1: "4100 RIVER ROAD"}),
    seg("N4", {1: "TOLEDO", 2: "OH", 3: "43604", 4: "US"}),
    seg("N1", {1: "FS", 2: "USNYC", 4: "USNYC"}),
    seg("VID", {1: "2B", 2: "NSLU", 3: "4455672", 4: "SL1002", 9: "45R1"}),
    seg("N10", {1: "12", 2: "12 DRUMS OF PAINT, IMO CLA", 3: "NO MARKS", 4: "J", 5: "320890", 7: "K",
                8: "3300"}),
    seg("H1", {1: "1263"}),
    seg("N10", {2: "SS 3 UN 1263 PG II"}),
]  # fmt: skip
