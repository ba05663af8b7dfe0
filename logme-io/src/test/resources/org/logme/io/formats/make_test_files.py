"""Writes the small test files of the safetensors and HDF5 readers (run with Debian's python3,
which has numpy and h5py: apt-get install python3-h5py). The safetensors files are written here
from the format's specification (8-byte little-endian header length, JSON header, raw
little-endian data), independently of logme's reader.

    /usr/bin/python3 logme-io/src/test/resources/org/logme/io/formats/make_test_files.py
"""
import json
import os
import struct

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
hdf5_dir = os.path.join(here, "..", "..", "..", "..", "..", "..", "..", "..", "logme-io-hdf5", "src",
                        "test", "resources", "org", "logme", "hdf5")

rng = np.random.RandomState(0)
features = (rng.randn(200, 12) * 3 + 5).astype(np.float32)
labels = rng.randint(0, 4, size=200).astype(np.int64)


def safetensors(path, tensors, metadata=None):
    header = {}
    data = b""
    for name, (dtype, array) in tensors.items():
        raw = array.tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape),
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the reference library pads the header to 8 bytes
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


def bf16(array):
    """float32 -> bfloat16 bits by truncation (exact for the values used)."""
    return (array.astype(np.float32).view(np.uint32) >> 16).astype(np.uint16)


for directory in (here, hdf5_dir):
    np.save(os.path.join(directory, "features.npy"), features)
    np.save(os.path.join(directory, "labels.npy"), labels)

safetensors(os.path.join(here, "data.safetensors"), {
    "features": ("F32", features),
    "labels": ("I64", labels),
    "features_f64": ("F64", features.astype(np.float64)),
    "features_f16": ("F16", features.astype(np.float16)),
    "features_bf16": ("BF16", bf16(features)),
    "labels_i32": ("I32", labels.astype(np.int32)),
}, metadata={"format": "pt"})
np.save(os.path.join(here, "features_f16.npy"), features.astype(np.float16))
np.save(os.path.join(here, "features_bf16_as_f32.npy"),
        (bf16(features).astype(np.uint32) << 16).view(np.float32))

import h5py  # noqa: E402

with h5py.File(os.path.join(hdf5_dir, "data.h5"), "w") as f:
    emb = f.create_group("emb")
    emb.create_dataset("features", data=features, chunks=(37, 5), compression="gzip",
                       compression_opts=6)
    emb.create_dataset("labels", data=labels, chunks=(50,), compression="gzip")
    f.create_dataset("contiguous_f64", data=features.astype(np.float64))
    f.create_dataset("cube", data=np.zeros((2, 3, 4), dtype=np.float32))
