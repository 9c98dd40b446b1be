// SPDX-License-Identifier: MIT
#pragma once

/// The numerics of the activation catalogue: each activation's value and derivative as small
/// free functions, within 2 ULP of the exactly rounded value for every double x
/// (docs/contract.md, "Accuracy"). The descriptor table in catalogue/ points at these; ELU itself
/// lives in elu.h. Derivatives at a kink return PyTorch autograd's value there.
namespace elu::fn {

/// SELU's constants, held as doubles as PyTorch holds them.
inline constexpr double seluLambda = 1.0507009873554805;
inline constexpr double seluAlpha = 1.6732632423543772;
/// gelu_tanh's constants: √(2/π) and 0.044715, as doubles.
inline constexpr double geluTanhC1 = 0.7978845608028654;
inline constexpr double geluTanhC2 = 0.044715;

/// max(0, x); relu′(0) = 0.
double relu(double x) noexcept;
double reluDerivative(double x) noexcept;

/// x for x > 0, s·x otherwise (s ∈ [0, 1]); leaky_relu′(0) = s.
double leakyRelu(double x, double slope) noexcept;
double leakyReluDerivative(double x, double slope) noexcept;

/// x for x > 0, α·expm1(x/α) otherwise (α ∈ (0, 100]); celu′(0) = 1.
double celu(double x, double alpha) noexcept;
double celuDerivative(double x, double alpha) noexcept;

/// λ·x for x > 0, λα·expm1(x) otherwise; selu′(0) = λα (the exact product of the doubles).
double selu(double x) noexcept;
double seluDerivative(double x) noexcept;

/// x·Φ(x) = (x/2)·erfc(−x/√2); derivative Φ(x) + x·φ(x).
double gelu(double x) noexcept;
double geluDerivative(double x) noexcept;

/// (x/2)·(1 + tanh(c₁(x + c₂x³))) and its derivative.
double geluTanh(double x) noexcept;
double geluTanhDerivative(double x) noexcept;

/// x·σ(x) and its derivative σ(x)(1 + x(1 − σ(x))).
double silu(double x) noexcept;
double siluDerivative(double x) noexcept;

/// log(1 + e^(βx))/β, exact for every x (no threshold), β ∈ (0, 100]; derivative σ(βx).
double softplus(double x, double beta) noexcept;
double softplusDerivative(double x, double beta) noexcept;

/// x·tanh(softplus(x)) and its derivative.
double mish(double x) noexcept;
double mishDerivative(double x) noexcept;

/// 1/(1 + e^(−x)) and its derivative σ(x)·σ(−x).
double sigmoid(double x) noexcept;
double sigmoidDerivative(double x) noexcept;

/// tanh(x) and its derivative 1 − tanh²(x) = sech²(x).
double tanh(double x) noexcept;
double tanhDerivative(double x) noexcept;

} // namespace elu::fn
