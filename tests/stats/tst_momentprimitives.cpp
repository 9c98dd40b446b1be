// SPDX-License-Identifier: MIT
// The building blocks of the moments, each against an independent __float128 evaluation:
// the Mills-ratio family (gaussiantail.h), the differences of log R that the closed forms
// exponentiate (closedforms.h), and the quadrature's integrands (momentintegrands.h).
#include "closedforms.h"
#include "gaussiantail.h"
#include "momentintegrands.h"
#include "plotspec.h"
#include "stats/referencefunctions.h"

#include <QTest>

using gaussianreference::Quad;
namespace stats = elu::stats;

Q_DECLARE_METATYPE(elu::Curve)

namespace {

Quad pi()
{
    return acosq(Quad(-1));
}

/// The Mills ratio in quad: Φ(−s)/φ(s) from erfcq up to s = 100 (quad's range holds
/// e^(±5000)); beyond, its asymptotic series (1/s)(1 − 1/s² + 3/s⁴ − …), whose terms
/// (2k − 1)!!/s^(2k) fall below 10⁻³⁴ within a few terms there.
Quad millsRatioQ(Quad s)
{
    if (s <= 100)
        return gaussianreference::normalCdfQ(-s) / gaussianreference::normalPdfQ(s);
    const Quad u = 1 / (s * s);
    Quad term = 1, sum = 0;
    for (int k = 1; k < 30 && fabsq(term) > Quad(1e-40); ++k) {
        sum += term;
        term *= -(2 * k - 1) * u;
    }
    return sum / s;
}

/// log R in quad for every s ≥ −1000: for s < 0 as s²/2 + log(√(2π)·Φ(−s)), where R itself
/// would overflow quad below s ≈ −150.
Quad logMillsRatioQ(Quad s)
{
    if (s < 0)
        return s * s / 2 + logq(sqrtq(2 * pi()) * gaussianreference::normalCdfQ(-s));
    return logq(millsRatioQ(s));
}

using stats::Ld;

double relative(Ld actual, Quad exact)
{
    return exact == 0 ? double(fabsq(Quad(actual))) : double(fabsq((Quad(actual) - exact) / exact));
}

} // namespace

class TestMomentPrimitives : public QObject
{
    Q_OBJECT

private slots:
    void millsRatioFamily_data();
    void millsRatioFamily();
    void varianceFarInTheTail();
    void logMillsRatioDifferences_data();
    void logMillsRatioDifferences();
    void integrandDifferences_data();
    void integrandDifferences();
};

void TestMomentPrimitives::millsRatioFamily_data()
{
    QTest::addColumn<double>("s");
    // Both sides of the switch to the continued fraction at s = 3, its depth changes at 5 and
    // 10, the tails on both sides.
    for (double s : {-200.0, -40.0, -10.0,  -3.0, -1.0, -1e-3, 0.0,  1e-3, 0.5,  1.0,   2.0,
                     2.9999, 3.0,   3.0001, 4.9,  5.0,  7.0,   9.99, 10.0, 30.0, 100.0, 1e3})
        QTest::addRow("s=%g", s) << s;
}

void TestMomentPrimitives::millsRatioFamily()
{
    QFETCH(double, s);
    const Quad sq = s;
    // h = 1/R, K = h − s and V = 1 − hK cancel by at most s⁴ ≤ 10¹² in quad: ≤ 10⁻²² here.
    const Quad r = millsRatioQ(sq), h = 1 / r, k = h - sq, v = 1 - h * k;
    if (s > -150)
        QVERIFY2(relative(stats::millsRatio(s), r) <= 2e-16,
                 qPrintable(QString::number(relative(stats::millsRatio(s), r))));
    QVERIFY2(relative(stats::hazard(s), h) <= 2e-16,
             qPrintable(QString::number(relative(stats::hazard(s), h))));
    QVERIFY2(relative(stats::excessMean(s), k) <= 2e-16,
             qPrintable(QString::number(relative(stats::excessMean(s), k))));
    QVERIFY2(relative(stats::excessVariance(s), v) <= 2e-16,
             qPrintable(QString::number(relative(stats::excessVariance(s), v))));
    const stats::LogMillsRatio log = stats::logMillsRatio(s);
    const Ld logR = log.quadratic + log.rest;
    QVERIFY2(fabsq(Quad(logR) - logMillsRatioQ(sq)) <= 2e-16 * fmaxq(1, fabsq(logMillsRatioQ(sq))),
             qPrintable(QString::number(double(Quad(logR) - logMillsRatioQ(sq)))));
}

void TestMomentPrimitives::varianceFarInTheTail()
{
    // V(s) = 1/s² − 6/s⁴ + O(s⁻⁶) and K(s) = 1/s − 2/s³ + 10/s⁵ + O(s⁻⁷): no cancellation at
    // s = 10⁸, where 1 − h·K would be all rounding.
    for (const Ld s : {1e5L, 1e8L, 1e100L}) {
        const Ld u = 1 / (s * s);
        QVERIFY(std::fabs(stats::excessVariance(s) * s * s - (1 - 6 * u)) <= 1e-18L);
        QVERIFY(std::fabs(stats::excessMean(s) * s - (1 - 2 * u + 10 * u * u)) <= 1e-18L);
    }
}

void TestMomentPrimitives::logMillsRatioDifferences_data()
{
    QTest::addColumn<double>("r");
    QTest::addColumn<double>("kappa");
    // κ = σ/c from 10⁻⁵ (σ = 10⁻³, CELU at α = 100) to 10⁴ (σ = 10, α = 10⁻³); r = μ/σ from
    // −10⁴ to 10⁴. Small κ against large |r| is where the direct difference cancels.
    for (double r : {-1e4, -300.0, -30.0, -5.0, -1.0, -1e-3, 0.0, 0.5, 3.0, 20.0, 1e3, 1e4})
        for (double kappa : {1e-5, 1e-3, 0.1, 1.0, 7.0, 100.0, 1e4})
            QTest::addRow("r=%g kappa=%g", r, kappa) << r << kappa;
}

void TestMomentPrimitives::logMillsRatioDifferences()
{
    QFETCH(double, r);
    QFETCH(double, kappa);
    // In quad the direct differences cancel by at most ~|log R|/κ² ≤ 10¹⁸: ≤ 10⁻¹⁶ of them,
    // except where the exact quadratic part can be subtracted (all arguments negative).
    const Quad rq = r, kq = kappa;
    auto logR = [](Quad s) { return logMillsRatioQ(s); };
    Quad first = logR(rq + kq) - logR(rq);
    Quad second = logR(rq + 2 * kq) - 2 * logR(rq + kq) + logR(rq);
    if (rq + 2 * kq < 0) {
        auto rest = [&](Quad s) { return logR(s) - s * s / 2; };
        first = kq * (rq + kq / 2) + rest(rq + kq) - rest(rq);
        second = kq * kq + rest(rq + 2 * kq) - 2 * rest(rq + kq) + rest(rq);
    }
    const Ld d1 = stats::logMillsRatioDifference(r, kappa);
    const Ld d2 = stats::logMillsRatioSecondDifference(r, kappa);
    QVERIFY2(relative(d1, first) <= 1e-15, qPrintable(QString::number(relative(d1, first))));
    QVERIFY2(relative(d2, second) <= 1e-15, qPrintable(QString::number(relative(d2, second))));
}

void TestMomentPrimitives::integrandDifferences_data()
{
    QTest::addColumn<elu::Curve>("curve");
    QTest::addColumn<double>("mu");
    using elu::ActivationId;
    const std::vector<elu::Curve> curves{
        {ActivationId::Relu, 0},     {ActivationId::LeakyRelu, 0.01},
        {ActivationId::Elu, 0.5},    {ActivationId::Celu, 1e-3},
        {ActivationId::Celu, 100},   {ActivationId::Selu, 0},
        {ActivationId::Gelu, 0},     {ActivationId::GeluTanh, 0},
        {ActivationId::Silu, 0},     {ActivationId::Softplus, 1e-3},
        {ActivationId::Softplus, 1}, {ActivationId::Softplus, 100},
        {ActivationId::Mish, 0},     {ActivationId::Sigmoid, 0},
        {ActivationId::Tanh, 0},
    };
    // μ at the ends, near 0 and at the minima of gelu (−0.752) and silu (−1.278).
    for (const elu::Curve &curve : curves)
        for (double mu : {-10.0, -1.2784645427610737, -0.75179152469356445, 0.0, 0.3, 10.0})
            QTest::addRow("%s p=%g mu=%g", qPrintable(curve.spec()), curve.parameter, mu)
                << curve << mu;
}

void TestMomentPrimitives::integrandDifferences()
{
    QFETCH(elu::Curve, curve);
    QFETCH(double, mu);
    const stats::MomentIntegrand integrand(curve, mu);
    const gaussianreference::Function f{curve.activation, curve.parameter};
    for (double step : {1e-9, 1e-6, 1e-3, 0.1, 1.0, 7.0, 30.0, 400.0})
        for (double d : {-step, step}) {
            // d and μ + d are exact in quad; f(μ + d) − f(μ) loses at most ~10¹¹ there.
            const Quad x = Quad(mu) + Quad(d);
            const Quad difference = f.difference(mu, d);
            const Quad derivative = f.derivative(x);
            const stats::MomentIntegrand::Point point = integrand(d);
            // Relative, except below the double range and where f(x) ≈ f(μ) on either side
            // of a minimum: there relative to the size of the terms the forms add, |d|·|f′|
            // near μ or, for x·u(x) − μ·u(μ) = d·u(x) + μ·(u(x) − u(μ)), |d|·|f(μ)/μ|.
            const bool product = curve.activation == elu::ActivationId::Gelu
                                 || curve.activation == elu::ActivationId::GeluTanh
                                 || curve.activation == elu::ActivationId::Silu
                                 || curve.activation == elu::ActivationId::Mish;
            const Quad slope = fabsq(f.derivative(mu)) + fabsq(derivative)
                               + (product && mu != 0 ? fabsq(f.value(mu) / mu) : 0);
            const Quad scale = fabsq(difference) + Quad(1e-3) * fabsq(Quad(d)) * slope;
            QVERIFY2(fabsq(Quad(point.difference) - difference)
                         <= Quad(1e-15) * scale + Quad(1e-300) * Quad(1e-20),
                     qPrintable(QStringLiteral("d = %1: difference %2, exact %3")
                                    .arg(d)
                                    .arg(double(point.difference), 0, 'g', 17)
                                    .arg(double(difference), 0, 'g', 17)));
            // f′ is a difference near the roots of gelu′, silu′, …: 10⁻¹⁸ absolutely there.
            QVERIFY2(relative(point.derivative, derivative) <= 1e-15
                         || fabsq(Quad(point.derivative) - derivative) <= Quad(1e-18),
                     qPrintable(QStringLiteral("d = %1: derivative %2, exact %3")
                                    .arg(d)
                                    .arg(double(point.derivative), 0, 'g', 17)
                                    .arg(double(derivative), 0, 'g', 17)));
        }
}

QTEST_APPLESS_MAIN(TestMomentPrimitives)
#include "tst_momentprimitives.moc"
