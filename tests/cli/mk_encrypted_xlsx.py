#!/usr/bin/env python3
"""mk_encrypted_xlsx.py PATH

Write a minimal OLE2 compound file holding the two streams of an encrypted
OOXML workbook (EncryptionInfo, EncryptedPackage; MS-OFFCRYPTO 2.3.4.4), as
Excel and WPS write a .xlsx with a password to open.  The contents are
filler: junheng only has to recognise the file and say what to do."""
import struct, sys

SEC = 512
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD

def entry(name, kind, child, left, right, start, size):
    n = (name + "\0").encode("utf-16-le")
    return (n.ljust(64, b"\0") + struct.pack("<HBB", len(n), kind, 1)
            + struct.pack("<III", left, right, child) + b"\0" * 16
            + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

def main(path):
    streams = [("EncryptionInfo", b"\x04\x00\x04\x00" + b"\x40" * 4092),
               ("EncryptedPackage", b"\x00" * 4096)]
    fat = [FATSECT, END]          # sector 0: FAT, sector 1: directory
    starts = []
    for _, data in streams:
        n = len(data) // SEC
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(n - 1)] + [END]
    fat += [FREE] * (SEC // 4 - len(fat))
    head = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
            + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
            + struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, END, 0, END)
            + struct.pack("<I", 0))
    head += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    assert len(head) == SEC
    d = entry("Root Entry", 5, 1, FREE, FREE, END, 0)
    d += entry(streams[0][0], 2, FREE, FREE, 2, starts[0], 4096)
    d += entry(streams[1][0], 2, FREE, FREE, FREE, starts[1], 4096)
    d += (b"\0" * 64 + struct.pack("<HBB", 0, 0, 0)
          + struct.pack("<III", FREE, FREE, FREE) + b"\0" * 52)
    with open(path, "wb") as f:
        f.write(head + struct.pack("<%dI" % (SEC // 4), *fat) + d)
        for _, data in streams:
            f.write(data)

main(sys.argv[1])
