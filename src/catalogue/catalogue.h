// SPDX-License-Identifier: MIT
#pragma once

#include "activation.h"

#include <QStringView>

#include <array>

namespace elu {

/// The twelve activations of docs/contract.md, in a fixed order (relu first, tanh last).
const std::array<Activation, activationCount> &catalogue();

/// The catalogue row of `id`.
const Activation &activation(ActivationId id);

/// The activation whose PyTorch name is `name` ("elu", "leaky_relu"), or nullptr.
const Activation *findActivation(QStringView name);

/// "relu, leaky_relu, …, tanh": the names the command line accepts.
QString activationNames();

} // namespace elu
