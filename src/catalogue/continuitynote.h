// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QString>

namespace elu {

/// A plain-words note on the smoothness of ELU at 0 for this α, e.g. for α = 0.5:
/// "α = 0.5: ELU′ jumps at 0 from 0.5 (left) to 1 (right), a jump of 0.5, so ELU is continuous
/// but not C¹, and never C²."
/// At α = 1 it says the derivative is continuous (C¹); it always says ELU is not C².
QString continuityNote(double alpha);

/// The same note for any curve, from its catalogue row: where the derivative jumps and by how
/// much, or that the activation is smooth (C∞). ELU gives continuityNote(α).
QString continuityNote(const Curve &curve);

} // namespace elu
