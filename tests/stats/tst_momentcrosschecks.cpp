// SPDX-License-Identifier: MIT
// The moments by two independent routes, closed forms and quadrature, against each other for
// the piecewise family; and both against Monte Carlo sampling, a coarse check that shares no
// formula with either.
#include "gaussianmoments.h"
#include "plotspec.h"

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

using elu::ActivationId;
using elu::Curve;
using elu::Moments;

Q_DECLARE_METATYPE(elu::Curve)

class TestMomentCrossChecks : public QObject
{
    Q_OBJECT

private slots:
    void closedFormsMatchQuadrature_data();
    void closedFormsMatchQuadrature();
    void monteCarlo_data();
    void monteCarlo();
};

void TestMomentCrossChecks::closedFormsMatchQuadrature_data()
{
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    const std::vector<Curve> curves{
        {ActivationId::Relu, 0.0}, {ActivationId::LeakyRelu, 0.01}, {ActivationId::LeakyRelu, 0.5},
        {ActivationId::Elu, 0.0},  {ActivationId::Elu, 0.5},        {ActivationId::Elu, 1.0},
        {ActivationId::Elu, 3.0},  {ActivationId::Elu, 100.0},      {ActivationId::Celu, 0.01},
        {ActivationId::Celu, 0.5}, {ActivationId::Celu, 100.0},     {ActivationId::Selu, 0.0},
    };
    for (const Curve &curve : curves)
        for (double mu : {-10.0, -3.0, -0.5, 0.0, 0.2, 2.0, 10.0})
            for (double sigma : {1e-3, 0.03, 1.0, 10.0})
                QTest::addRow("%s mu=%g sigma=%g", qPrintable(curve.spec()), mu, sigma)
                    << curve << mu << sigma;
}

void TestMomentCrossChecks::closedFormsMatchQuadrature()
{
    // Two independent routes: Mills-ratio closed forms, and Gauss–Kronrod quadrature of
    // f(X) − f(μ) split at the kink. The mean and E[f′] are compared against √E[f²] and
    // √E[f′²] (see gaussianMoments), the rest relatively; values below 10⁻²⁹⁰ absolutely.
    QFETCH(Curve, curve);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    const Moments closed = elu::gaussianMoments(curve, {mu, sigma});
    const Moments quadrature =
        elu::gaussianMoments(curve, {mu, sigma}, elu::MomentMethod::Quadrature);
    QCOMPARE(closed.errorEstimate, 0.0);
    QVERIFY2(quadrature.errorEstimate <= 1e-12,
             qPrintable(QString::number(quadrature.errorEstimate)));
    const double rms = std::sqrt(closed.variance + closed.mean * closed.mean);
    const double rmsDerivative = std::sqrt(closed.meanDerivativeSquared);
    const double pairs[][3] = {
        {closed.mean, quadrature.mean, rms},
        {closed.variance, quadrature.variance, closed.variance},
        {closed.meanDerivative, quadrature.meanDerivative, rmsDerivative},
        {closed.meanDerivativeSquared, quadrature.meanDerivativeSquared,
         closed.meanDerivativeSquared},
    };
    for (const auto &[a, b, scale] : pairs)
        QVERIFY2(std::fabs(a - b) <= 1e-12 * scale + 1e-290,
                 qPrintable(QStringLiteral("closed form %1, quadrature %2")
                                .arg(a, 0, 'g', 17)
                                .arg(b, 0, 'g', 17)));
}

void TestMomentCrossChecks::monteCarlo_data()
{
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    // One closed form and one quadrature; 10⁷ samples each.
    QTest::newRow("elu alpha=1 mu=-0.5 sigma=1.5") << Curve{ActivationId::Elu, 1.0} << -0.5 << 1.5;
    QTest::newRow("gelu mu=0.3 sigma=2") << Curve{ActivationId::Gelu, 0.0} << 0.3 << 2.0;
}

void TestMomentCrossChecks::monteCarlo()
{
    // A coarse check independent of every formula: sample means of f, (f − m)², f′ and f′²
    // within 5 standard errors (estimated from the same samples).
    QFETCH(Curve, curve);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    const Moments m = elu::gaussianMoments(curve, {mu, sigma});
    constexpr int n = 10'000'000;
    std::mt19937_64 generator(20150311); // the ELU paper's arXiv date
    std::normal_distribution<double> normal(mu, sigma);
    // Sums of powers of f − m.mean and of f′, in long double.
    long double f1 = 0, f2 = 0, f4 = 0, d1 = 0, d2 = 0, d4 = 0;
    for (int i = 0; i < n; ++i) {
        const double x = normal(generator);
        const long double f = curve.value(x) - m.mean, d = curve.derivative(x);
        f1 += f;
        f2 += f * f;
        f4 += f * f * f * f;
        d1 += d;
        d2 += d * d;
        d4 += d * d * d * d;
    }
    f1 /= n, f2 /= n, f4 /= n, d1 /= n, d2 /= n, d4 /= n;
    // Estimates with their standard errors: the mean of f from f1, the variance from f2
    // (about the exact mean, so Var[(f − m)²] = E(f − m)⁴ − Var²), E f′ and E f′².
    const struct
    {
        const char *name;
        long double estimate, expected, standardError;
    } checks[] = {
        {"mean", m.mean + f1, m.mean, std::sqrt(f2 / n)},
        {"variance", f2, m.variance, std::sqrt((f4 - f2 * f2) / n)},
        {"mean derivative", d1, m.meanDerivative, std::sqrt((d2 - d1 * d1) / n)},
        {"mean squared derivative", d2, m.meanDerivativeSquared, std::sqrt((d4 - d2 * d2) / n)},
    };
    for (const auto &check : checks)
        QVERIFY2(std::fabs(check.estimate - check.expected) <= 5 * check.standardError,
                 qPrintable(QStringLiteral("%1: Monte Carlo %2 ± %3, computed %4")
                                .arg(QLatin1String(check.name))
                                .arg(double(check.estimate), 0, 'g', 10)
                                .arg(double(check.standardError), 0, 'g', 3)
                                .arg(double(check.expected), 0, 'g', 17)));
}

QTEST_APPLESS_MAIN(TestMomentCrossChecks)
#include "tst_momentcrosschecks.moc"
