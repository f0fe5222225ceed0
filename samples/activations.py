"""Activation functions of a shallow neural network and their derivatives.

Each g(z) is paired with g'(z), the derivative that backpropagation uses in
dZ1 = W2.T @ dZ2 * g'(Z1). tanh is a rescaled sigmoid, 2 * sigmoid(2z) - 1:
both are sigmoidal curves that saturate for large |z|.

The same in PyTorch: torch.sigmoid, torch.tanh, F.relu, nn.LeakyReLU(0.2);
in Keras: Dense(4, activation="tanh").
"""
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(z):
    a = sigmoid(z)
    return a * (1 - a)


def tanh(z):
    return np.tanh(z)


def tanh_derivative(z):
    return 1 - np.tanh(z) ** 2


def relu(z):
    return np.maximum(0, z)


def relu_derivative(z):
    return (z > 0).astype(float)


def leaky_relu(z, slope=0.01):
    return np.where(z > 0, z, slope * z)


def leaky_relu_derivative(z, slope=0.01):
    return np.where(z > 0, 1.0, slope)


if __name__ == "__main__":
    np.random.seed(2)
    X = np.random.randn(2, 5)            # 2 features, 5 examples as columns
    W1 = np.random.randn(4, 2) * 0.01    # 4 hidden units
    b1 = np.zeros((4, 1))
    Z1 = W1 @ X + b1
    A1 = np.tanh(Z1)
    for name, g, dg in [
        ("sigmoid", sigmoid, sigmoid_derivative),
        ("tanh", tanh, tanh_derivative),
        ("relu", relu, relu_derivative),
        ("leaky_relu", leaky_relu, leaky_relu_derivative),
    ]:
        print(f"{name:>10}: g(Z1) mean {g(Z1).mean():+.4f}, g'(Z1) mean {dg(Z1).mean():.4f}")
    print("A1 shape:", A1.shape)
