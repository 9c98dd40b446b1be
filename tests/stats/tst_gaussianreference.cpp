// SPDX-License-Identifier: MIT
#include "catalogue.h"
#include "gaussianmoments.h"
#include "plotspec.h"
#include "stats/gaussianreference.h"

#include <QTest>

#include <cfloat>
#include <map>

Q_DECLARE_METATYPE(elu::Curve)

using gaussianreference::Quad;

namespace {

/// The grid of the contract: every activation with parameters across its range, μ from −10 to
/// 10 and σ from 10⁻³ to 10, corners included.
struct ParameterSet
{
    elu::ActivationId id;
    std::vector<double> parameters;
};

const std::vector<ParameterSet> &parameterSets()
{
    using elu::ActivationId;
    static const std::vector<ParameterSet> sets{
        {ActivationId::Relu, {0.0}},
        {ActivationId::LeakyRelu, {0.0, 0.01, 0.5, 1.0}},
        {ActivationId::Elu, {0.0, 0.1, 1.0, 3.0, 100.0}},
        {ActivationId::Celu, {1e-3, 0.01, 0.5, 1.0, 100.0}},
        {ActivationId::Selu, {0.0}},
        {ActivationId::Gelu, {0.0}},
        {ActivationId::GeluTanh, {0.0}},
        {ActivationId::Silu, {0.0}},
        {ActivationId::Softplus, {1e-3, 0.5, 1.0, 100.0}},
        {ActivationId::Mish, {0.0}},
        {ActivationId::Sigmoid, {0.0}},
        {ActivationId::Tanh, {0.0}},
    };
    return sets;
}

constexpr double mus[] = {-10.0, -2.5, -0.3, 0.0, 0.7, 4.0, 10.0};
constexpr double sigmas[] = {1e-3, 0.05, 1.0, 10.0};

/// Below this magnitude a value is compared absolutely: double has fewer than 53 bits there
/// (subnormals start at 2.2·10⁻³⁰⁸) and such values underflow in the app's output anyway.
constexpr double underflowFloor = 1e-290;

double relativeError(double actual, Quad exact, Quad scale)
{
    const Quad error = fabsq(Quad(actual) - exact);
    if (error <= Quad(underflowFloor) * Quad(1e-12))
        return 0.0;
    return double(error / fmaxq(scale, Quad(underflowFloor)));
}

/// The largest errors seen per activation, printed at the end for the README.
struct Worst
{
    double mean = 0, variance = 0, meanDerivative = 0, meanDerivativeSquared = 0;
};
std::map<QString, Worst> worstErrors;

} // namespace

class TestGaussianReference : public QObject
{
    Q_OBJECT

private slots:
    void matchesReference_data();
    void matchesReference();
    void tinyCeluAlpha_data();
    void tinyCeluAlpha() { matchesReference(); }
    void atTheMinima_data();
    void atTheMinima() { matchesReference(); }
    void cleanupTestCase();
};

void TestGaussianReference::matchesReference_data()
{
    QTest::addColumn<elu::Curve>("curve");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    for (const ParameterSet &set : parameterSets())
        for (double parameter : set.parameters)
            for (double mu : mus)
                for (double sigma : sigmas) {
                    const elu::Curve curve{set.id, parameter};
                    QTest::addRow("%s p=%g mu=%g sigma=%g", elu::activation(set.id).name.data(),
                                  parameter, mu, sigma)
                        << curve << mu << sigma;
                }
}

void TestGaussianReference::tinyCeluAlpha_data()
{
    // CELU's exponential part tends to a step as α → 0: e^(x/α) changes on a scale α.
    QTest::addColumn<elu::Curve>("curve");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    for (double alpha : {1e-6, 1e-9})
        for (double mu : {-10.0, -1e-3, 0.0, 2e-6, 1.0})
            for (double sigma : {1e-3, 1.0, 10.0})
                QTest::addRow("celu alpha=%g mu=%g sigma=%g", alpha, mu, sigma)
                    << elu::Curve{elu::ActivationId::Celu, alpha} << mu << sigma;
}

void TestGaussianReference::atTheMinima_data()
{
    // Where f′(μ) = 0 the variance is of order f″²σ⁴/2 (10⁻¹³ at σ = 10⁻³), the difference
    // f(X) − f(μ) is a cancellation of its terms, and E[f′] crosses 0.
    QTest::addColumn<elu::Curve>("curve");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    using elu::ActivationId;
    const std::pair<ActivationId, double> minima[] = {
        {ActivationId::Gelu, -0.7517915246935645},
        {ActivationId::GeluTanh, -0.7524614220710162},
        {ActivationId::Silu, -1.2784645427610737},
        {ActivationId::Mish, -1.1924312145154952},
    };
    for (const auto &[id, mu] : minima)
        for (double sigma : {1e-3, 0.01, 0.3})
            QTest::addRow("%s mu=%g sigma=%g", elu::activation(id).name.data(), mu, sigma)
                << elu::Curve{id, 0.0} << mu << sigma;
}

void TestGaussianReference::matchesReference()
{
    QFETCH(elu::Curve, curve);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    const gaussianreference::Moments exact =
        gaussianreference::moments(curve.activation, curve.parameter, mu, sigma);
    QVERIFY(exact.converged);
    const elu::Moments m = elu::gaussianMoments(curve, {mu, sigma});

    // The variance and E[f′²] are compared relatively. The mean and E[f′] are differences of
    // positive and negative parts of f and f′ (SELU's mean at (0, 1) is 0 up to the rounding
    // of its constants; E[gelu′] crosses 0 as μ moves); their errors are measured against
    // E|f| and E|f′|, which equal |E f| and |E f′| wherever f or f′ keeps one sign.
    const double errors[] = {
        relativeError(m.mean, exact.mean, exact.meanAbs),
        relativeError(m.variance, exact.variance, fabsq(exact.variance)),
        relativeError(m.meanDerivative, exact.meanDerivative, exact.meanAbsDerivative),
        relativeError(m.meanDerivativeSquared, exact.meanDerivativeSquared,
                      exact.meanDerivativeSquared),
    };
    Worst &worst = worstErrors[curve.displayLabel().section(QLatin1Char(','), 0, 0)];
    worst.mean = std::max(worst.mean, errors[0]);
    worst.variance = std::max(worst.variance, errors[1]);
    worst.meanDerivative = std::max(worst.meanDerivative, errors[2]);
    worst.meanDerivativeSquared = std::max(worst.meanDerivativeSquared, errors[3]);

    const char *names[] = {"mean", "variance", "mean derivative", "mean squared derivative"};
    const Quad exacts[] = {exact.mean, exact.variance, exact.meanDerivative,
                           exact.meanDerivativeSquared};
    const double actuals[] = {m.mean, m.variance, m.meanDerivative, m.meanDerivativeSquared};
    for (int i = 0; i < 4; ++i)
        QVERIFY2(errors[i] <= 1e-12,
                 qPrintable(QStringLiteral("%1 = %2, exact %3: relative error %4")
                                .arg(QLatin1String(names[i]))
                                .arg(actuals[i], 0, 'g', 17)
                                .arg(double(exacts[i]), 0, 'g', 17)
                                .arg(errors[i], 0, 'g', 3)));
    QVERIFY2(m.errorEstimate <= 1e-12, qPrintable(QString::number(m.errorEstimate)));
}

void TestGaussianReference::cleanupTestCase()
{
    for (const auto &[name, worst] : worstErrors)
        qInfo("%-12s largest relative errors: mean %.1e, variance %.1e, E f' %.1e, E f'^2 %.1e",
              qPrintable(name), worst.mean, worst.variance, worst.meanDerivative,
              worst.meanDerivativeSquared);
}

QTEST_APPLESS_MAIN(TestGaussianReference)
#include "tst_gaussianreference.moc"
