// SPDX-License-Identifier: MIT
#pragma once
// Sessions for the session file suites (tst_sessionfile, tst_sessionrefusals).

#include "sessionfile.h"

#include <QByteArray>

#include <bit>
#include <vector>

namespace sessionsamples {

using elu::ActivationId;

// Eight curves, custom colours, hidden curves, stacked, and doubles that only an exact writer
// and reader keep: 0.1, 1e-300, the smallest subnormal, −0.0, 0.001 + 1 ULP.
inline elu::Session richSession()
{
    elu::Session s;
    s.spec.curves = {{ActivationId::Elu, 0.1},      {ActivationId::Elu, 1e-300},
                     {ActivationId::Relu, 0.0},     {ActivationId::LeakyRelu, 0.30000000000000004},
                     {ActivationId::Softplus, 2.5}, {ActivationId::Gelu, 0.0},
                     {ActivationId::Celu, 100.0},   {ActivationId::Elu, -0.0}};
    s.appearance.assign(8, {});
    for (int i = 0; i < 8; ++i)
        s.appearance[std::size_t(i)].colourSlot = 7 - i;
    s.appearance[1].customRgb = 0x000000;
    s.appearance[2].customRgb = 0xffffff;
    s.appearance[5].customRgb = 0x0a0b0c;
    s.appearance[3].visible = false;
    s.appearance[7].visible = false;
    s.selectedCurve = 6;
    s.spec.xmin = -0.0;
    s.spec.xmax = 1e-300;
    s.spec.points = 10'000'000;
    s.view = {-1.7976931348623157e308, 4.9406564584124654e-324, -0.1, 2.2250738585072014e-308,
              false};
    s.layout = elu::PlotLayout::Stacked;
    s.figure = {10000, 200, 0.7000000000000001, elu::FigureTheme::Transparent};
    s.statisticsMu = -0.0;
    s.statisticsSigma = 0.0010000000000000002;
    return s;
}

inline QByteArray minimalFile(const QByteArray &rest = {})
{
    return R"({"format": "elu-explorer-session", "version": 1, "curves": [{"activation": "elu"}])"
           + rest + "}";
}

// Every double of a session, to compare bits (== calls −0.0 and +0.0 equal).
inline std::vector<quint64> bitsOf(const elu::Session &s)
{
    std::vector<double> values{s.spec.xmin,    s.spec.xmax,    s.view.xLower,
                               s.view.xUpper,  s.view.yLower,  s.view.yUpper,
                               s.figure.scale, s.statisticsMu, s.statisticsSigma};
    for (const elu::Curve &curve : s.spec.curves)
        values.push_back(curve.parameter);
    std::vector<quint64> bits;
    for (double value : values)
        bits.push_back(std::bit_cast<quint64>(value));
    return bits;
}

// `text` with its first occurrence of `from` replaced by `to`.
inline QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = text.indexOf(from);
    return at < 0 ? QByteArray("replaced: no ") + from : text.replace(at, from.size(), to);
}

} // namespace sessionsamples
