// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QString>

#include <vector>

namespace elu {

/// What parseCurveSpec read: the curves, or an error saying what is accepted.
struct ParsedCurves
{
    std::vector<Curve> curves;
    QString error; ///< empty on success
};

/// Reads `NAME[:KEYWORD=V1[,V2...]]`, the form of --curve and of the saved curve list:
/// "relu", "elu:alpha=0.5,1,2" (three curves), "softplus:beta=2". An activation named without
/// a value takes its default parameter. Refuses an unknown name or keyword, a keyword for an
/// activation without a parameter, and a value that is not a number in the accepted range; the
/// error names the wrong part and what is accepted ("'alfa' is not elu's parameter: elu takes
/// alpha").
ParsedCurves parseCurveSpec(const QString &text);

/// A family of `activation` from typed values: "0.5, 1, 2" (commas or spaces between values)
/// or a range with a count, "0.5 to 2 by 4" (4 values evenly spaced, both ends included, the
/// family dialog's range form). Refuses an activation without a parameter, text that is
/// neither form, a value out of range, fewer than 1 or more than 8 values, and repeats.
ParsedCurves parseFamily(ActivationId activation, const QString &text);

/// `count` values evenly spaced from `from` to `to`, both ends exact (std::lerp).
std::vector<double> evenlySpacedValues(double from, double to, int count);

} // namespace elu
