// Writes a tiny ONNX model for the tests: a bag-of-words linear layer and a softmax, encoded with the ONNX
// protobuf schema (the subset of onnx.proto it uses), so no binary model is checked in.
import protobuf from 'protobufjs';

const ONNX_SUBSET = `
syntax = "proto2";
package onnx;
message AttributeProto { optional string name = 1; optional int64 i = 3; optional int32 type = 20; }
message ValueInfoProto { optional string name = 1; optional TypeProto type = 2; }
message NodeProto {
  repeated string input = 1; repeated string output = 2; optional string name = 3; optional string op_type = 4;
  repeated AttributeProto attribute = 5;
}
message ModelProto {
  optional int64 ir_version = 1; optional string producer_name = 2; optional GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
message GraphProto {
  repeated NodeProto node = 1; optional string name = 2; repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12;
}
message TensorProto { repeated int64 dims = 1; optional int32 data_type = 2; repeated float float_data = 4 [packed = true]; optional string name = 8; }
message TensorShapeProto { message Dimension { optional int64 dim_value = 1; optional string dim_param = 2; } repeated Dimension dim = 1; }
message TypeProto { message Tensor { optional int32 elem_type = 1; optional TensorShapeProto shape = 2; } optional Tensor tensor_type = 1; }
message OperatorSetIdProto { optional string domain = 1; optional int64 version = 2; }
`;

const FLOAT = 1;
const ATTRIBUTE_INT = 2;

export interface LinearModel {
  /** weights[v][c]: the weight of vocabulary word v for output class c. */
  weights: number[][];
  bias: number[];
}

function tensorInfo(name: string, dims: Array<number | string>) {
  return {
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  };
}

/** `features` [batch, vocabulary] → MatMul → Add → Softmax (unless `softmax` is false) → `probabilities` [batch, classes]. */
export function linearSoftmaxOnnx({ weights, bias }: LinearModel, names = { input: 'features', output: 'probabilities' }, softmax = true): Uint8Array {
  const root = protobuf.parse(ONNX_SUBSET, { keepCase: false }).root;
  const Model = root.lookupType('onnx.ModelProto');
  const vocabulary = weights.length;
  const classes = bias.length;
  const message = Model.fromObject({
    irVersion: 8,
    producerName: 'tocsin-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'bag_of_words_linear',
      initializer: [
        { name: 'W', dims: [vocabulary, classes], dataType: FLOAT, floatData: weights.flat() },
        { name: 'B', dims: [classes], dataType: FLOAT, floatData: bias },
      ],
      node: [
        { opType: 'MatMul', input: [names.input, 'W'], output: ['logits_raw'], name: 'matmul' },
        { opType: 'Add', input: ['logits_raw', 'B'], output: [softmax ? 'logits' : names.output], name: 'add' },
        ...(softmax ? [{ opType: 'Softmax', input: ['logits'], output: [names.output], name: 'softmax', attribute: [{ name: 'axis', i: -1, type: ATTRIBUTE_INT }] }] : []),
      ],
      input: [tensorInfo(names.input, ['batch', vocabulary])],
      output: [tensorInfo(names.output, ['batch', classes])],
    },
  });
  return Model.encode(message).finish();
}
