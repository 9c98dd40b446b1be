// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QByteArray>
#include <QString>

namespace elu {

/// `value` in shortest round-trip form (writeShortest): a pgfplots coordinate or range.
QByteArray texNumber(double value);

/// "= 0.5", or "\approx 1.67326" when six significant digits are not the exact value, with
/// "1e-05" as "1 \cdot 10^{-5}": the window's "= …"/"≈ …" in math mode (without the relation
/// when `withRelation` is false).
QString texMathNumber(double value, bool withRelation);

/// "\mathrm{Leaky\ ReLU}": a display name for math mode, TeX's specials escaped and a hyphen
/// kept a hyphen.
QString texMathName(const QString &name);

/// ", $\alpha = 0.5$" for a curve with a parameter (α, β as \alpha, \beta), else empty.
QString texParameterText(const Curve &curve);

} // namespace elu
