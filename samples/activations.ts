// Activation functions of a shallow neural network and their derivatives.
// Each g(z) is paired with g'(z), the derivative backpropagation uses in dZ1 = W2ᵀ dZ2 * g'(Z1).
// TensorFlow.js has them built in: tf.sigmoid, tf.tanh, tf.relu, tf.leakyRelu(z, 0.2).

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export const sigmoidDerivative = (z: number): number => {
  const a = sigmoid(z);
  return a * (1 - a);
};

export const tanh = (z: number): number => Math.tanh(z);

export const tanhDerivative = (z: number): number => 1 - Math.tanh(z) ** 2;

export const relu = (z: number): number => Math.max(0, z);

export const reluDerivative = (z: number): number => (z > 0 ? 1 : 0);

export const leakyRelu = (z: number, slope = 0.01): number => (z > 0 ? z : slope * z);

export const leakyReluDerivative = (z: number, slope = 0.01): number => (z > 0 ? 1 : slope);

// One hidden layer's activations for one example: A1 = g(W1 x + b1).
const W1 = [
  [0.01, -0.02],
  [0.03, 0.005],
];
const b1 = [0, 0];
const x = [1.2, -0.7];
const Z1 = W1.map((row, i) => row[0] * x[0] + row[1] * x[1] + b1[i]);

for (const [name, g, dg] of [
  ['sigmoid', sigmoid, sigmoidDerivative],
  ['tanh', tanh, tanhDerivative],
  ['relu', relu, reluDerivative],
  ['leakyRelu', leakyRelu, leakyReluDerivative],
] as const) {
  console.log(name, Z1.map((z) => g(z).toFixed(4)), Z1.map((z) => dg(z).toFixed(4)));
}
