// SPDX-License-Identifier: MIT
// The public interface of the moments under Gaussian input: what is accepted, values known in
// closed form, symmetries and identities. The two methods against each other and Monte Carlo
// are tst_momentcrosschecks, the grid against an independent high-precision evaluation
// tst_gaussianreference, the building blocks tst_momentprimitives.
#include "catalogue.h"
#include "gaussianmoments.h"
#include "plotspec.h"

#include <QTest>

#include <quadmath.h>

#include <cmath>

using elu::ActivationId;
using elu::Curve;
using elu::GaussianInput;
using elu::Moments;

Q_DECLARE_METATYPE(elu::Curve)
Q_DECLARE_METATYPE(elu::ActivationId)

namespace {

constexpr double pi = 3.14159265358979323846;

Moments moments(ActivationId id, double parameter, double mu, double sigma,
                elu::MomentMethod method = elu::MomentMethod::Automatic)
{
    return elu::gaussianMoments(Curve{id, parameter}, GaussianInput{mu, sigma}, method);
}

bool close(double actual, double expected, double tolerance)
{
    return std::fabs(actual - expected) <= tolerance * std::fabs(expected);
}

QString describe(double actual, double expected)
{
    return QStringLiteral("%1, expected %2 (relative error %3)")
        .arg(actual, 0, 'g', 17)
        .arg(expected, 0, 'g', 17)
        .arg(std::fabs(actual - expected) / std::fabs(expected), 0, 'g', 3);
}

} // namespace

class TestGaussianMoments : public QObject
{
    Q_OBJECT

private slots:
    void inputError_data();
    void inputError();
    void refusedInputGivesNaN_data();
    void refusedInputGivesNaN();
    void reluAtStandardNormal();
    void reluMeanOnGrid_data();
    void reluMeanOnGrid();
    void geluMeanAtStandardNormal();
    void seluFixedPoint();
    void symmetricActivations_data();
    void symmetricActivations();
    void identities();
    void tinySoftplusBeta_data();
    void tinySoftplusBeta();
};

void TestGaussianMoments::inputError_data()
{
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<QString>("error");
    const QString muError = QStringLiteral("μ must be a finite number from -10 to 10");
    const QString sigmaError = QStringLiteral("σ must be a finite number from 0.001 to 10");
    const double inf = INFINITY, nan = NAN;
    QTest::newRow("standard normal") << 0.0 << 1.0 << QString();
    QTest::newRow("lower corner") << -10.0 << 1e-3 << QString();
    QTest::newRow("upper corner") << 10.0 << 10.0 << QString();
    QTest::newRow("mu below") << -10.000001 << 1.0 << muError;
    QTest::newRow("mu above") << 10.5 << 1.0 << muError;
    QTest::newRow("mu nan") << nan << 1.0 << muError;
    QTest::newRow("mu inf") << -inf << 1.0 << muError;
    QTest::newRow("sigma zero") << 0.0 << 0.0 << sigmaError;
    QTest::newRow("sigma negative") << 0.0 << -1.0 << sigmaError;
    QTest::newRow("sigma too small") << 0.0 << 9.99e-4 << sigmaError;
    QTest::newRow("sigma too large") << 0.0 << 10.01 << sigmaError;
    QTest::newRow("sigma nan") << 0.0 << nan << sigmaError;
    QTest::newRow("sigma inf") << 0.0 << inf << sigmaError;
}

void TestGaussianMoments::inputError()
{
    QFETCH(double, mu);
    QFETCH(double, sigma);
    QFETCH(QString, error);
    QCOMPARE(elu::gaussianInputError(mu, sigma), error);
}

void TestGaussianMoments::refusedInputGivesNaN_data()
{
    QTest::addColumn<Curve>("curve");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    QTest::newRow("sigma zero") << Curve{ActivationId::Elu, 1.0} << 0.0 << 0.0;
    QTest::newRow("sigma negative") << Curve{ActivationId::Gelu, 0.0} << 0.0 << -1.0;
    QTest::newRow("sigma inf") << Curve{ActivationId::Relu, 0.0} << 0.0 << double(INFINITY);
    QTest::newRow("mu nan") << Curve{ActivationId::Tanh, 0.0} << double(NAN) << 1.0;
    QTest::newRow("celu alpha 0") << Curve{ActivationId::Celu, 0.0} << 0.0 << 1.0;
    QTest::newRow("softplus beta 0") << Curve{ActivationId::Softplus, 0.0} << 0.0 << 1.0;
    QTest::newRow("leaky slope 2") << Curve{ActivationId::LeakyRelu, 2.0} << 0.0 << 1.0;
    QTest::newRow("elu alpha nan") << Curve{ActivationId::Elu, double(NAN)} << 0.0 << 1.0;
}

void TestGaussianMoments::refusedInputGivesNaN()
{
    QFETCH(Curve, curve);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    for (auto method : {elu::MomentMethod::Automatic, elu::MomentMethod::Quadrature}) {
        const Moments m = elu::gaussianMoments(curve, {mu, sigma}, method);
        QVERIFY(std::isnan(m.mean) && std::isnan(m.variance) && std::isnan(m.meanDerivative)
                && std::isnan(m.meanDerivativeSquared));
    }
}

void TestGaussianMoments::reluAtStandardNormal()
{
    for (auto method : {elu::MomentMethod::Automatic, elu::MomentMethod::Quadrature}) {
        const Moments m = moments(ActivationId::Relu, 0, 0, 1, method);
        QVERIFY2(close(m.mean, 1 / std::sqrt(2 * pi), 1e-15),
                 qPrintable(describe(m.mean, 1 / std::sqrt(2 * pi))));
        QVERIFY2(close(m.variance, 0.5 - 1 / (2 * pi), 1e-15),
                 qPrintable(describe(m.variance, 0.5 - 1 / (2 * pi))));
        QVERIFY(close(m.meanDerivative, 0.5, 1e-15));
        QVERIFY(close(m.meanDerivativeSquared, 0.5, 1e-15));
    }
}

void TestGaussianMoments::reluMeanOnGrid_data()
{
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    for (double mu : {-10.0, -7.0, -2.0, -0.5, -1e-3, 0.0, 1e-3, 0.3, 1.0, 4.0, 10.0})
        for (double sigma : {1e-3, 0.02, 0.5, 1.0, 3.0, 10.0})
            QTest::addRow("mu=%g sigma=%g", mu, sigma) << mu << sigma;
}

void TestGaussianMoments::reluMeanOnGrid()
{
    // σφ(μ/σ) + μΦ(μ/σ) in __float128: for μ ≪ 0 it cancels by (μ/σ)² ≤ 10⁸, leaving 10⁻²⁶.
    QFETCH(double, mu);
    QFETCH(double, sigma);
    using Quad = __float128;
    const Quad r = Quad(mu) / sigma;
    const Quad pdf = expq(-r * r / 2) / sqrtq(2 * acosq(Quad(-1)));
    const Quad cdf = erfcq(-r / sqrtq(2)) / 2;
    const double expected = double(sigma * pdf + mu * cdf);
    const double actual = moments(ActivationId::Relu, 0, mu, sigma).mean;
    QVERIFY2(std::fabs(actual - expected) <= 1e-12 * std::fabs(expected),
             qPrintable(describe(actual, expected)));
}

void TestGaussianMoments::geluMeanAtStandardNormal()
{
    // E[X·Φ(X)] = E[φ(X)] = 1/(2√π) for X ~ N(0, 1).
    const double expected = 1 / (2 * std::sqrt(pi));
    const Moments m = moments(ActivationId::Gelu, 0, 0, 1);
    QVERIFY2(close(m.mean, expected, 1e-14), qPrintable(describe(m.mean, expected)));
    QVERIFY(close(m.meanDerivative, 0.5, 1e-14)); // Φ(x) + xφ(x) − 1/2 is odd
    QVERIFY(m.errorEstimate <= 1e-12);
}

void TestGaussianMoments::seluFixedPoint()
{
    // Klambauer et al.: (0, 1) is the fixed point of SELU's (mean, variance) map, to within
    // the rounding of λ and α to doubles.
    for (auto method : {elu::MomentMethod::Automatic, elu::MomentMethod::Quadrature}) {
        const Moments m = moments(ActivationId::Selu, 0, 0, 1, method);
        QVERIFY2(std::fabs(m.mean) <= 1e-9, qPrintable(QString::number(m.mean)));
        QVERIFY2(std::fabs(m.variance - 1) <= 1e-9, qPrintable(QString::number(m.variance - 1)));
    }
}

void TestGaussianMoments::symmetricActivations_data()
{
    QTest::addColumn<ActivationId>("id");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    for (ActivationId id : {ActivationId::Sigmoid, ActivationId::Tanh})
        for (double mu : {0.0, 0.4, 3.0, 10.0})
            for (double sigma : {1e-3, 1.0, 10.0})
                QTest::addRow("%s mu=%g sigma=%g", elu::activation(id).name.data(), mu, sigma)
                    << id << mu << sigma;
}

void TestGaussianMoments::symmetricActivations()
{
    // σ(−x) = 1 − σ(x) and tanh(−x) = −tanh(x): the mean at −μ mirrors the mean at μ (1/2 and
    // 0 exactly at μ = 0), the variance and the derivative's moments are even in μ.
    QFETCH(ActivationId, id);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    const Moments plus = moments(id, 0, mu, sigma), minus = moments(id, 0, -mu, sigma);
    const double centre = id == ActivationId::Sigmoid ? 0.5 : 0.0;
    const double scale = std::sqrt(plus.variance + plus.mean * plus.mean); // √E[f²]
    QVERIFY2(
        std::fabs((plus.mean - centre) + (minus.mean - centre)) <= 1e-15 * scale,
        qPrintable(
            QStringLiteral("%1 and %2").arg(plus.mean, 0, 'g', 17).arg(minus.mean, 0, 'g', 17)));
    QVERIFY(close(minus.variance, plus.variance, 1e-14));
    QVERIFY(close(minus.meanDerivative, plus.meanDerivative, 1e-14));
    QVERIFY(close(minus.meanDerivativeSquared, plus.meanDerivativeSquared, 1e-14));
}

void TestGaussianMoments::identities()
{
    for (double mu : {-10.0, -0.5, 0.0, 2.0, 10.0})
        for (double sigma : {1e-3, 1.0, 10.0}) {
            // leaky_relu with slope 1 is the identity: exactly μ, σ², 1, 1.
            const Moments identity = moments(ActivationId::LeakyRelu, 1.0, mu, sigma);
            QCOMPARE(identity.mean, mu);
            QCOMPARE(identity.variance, sigma * sigma);
            QCOMPARE(identity.meanDerivative, 1.0);
            QCOMPARE(identity.meanDerivativeSquared, 1.0);
            // ELU at α = 0 is ReLU; CELU at α = 1 is ELU at α = 1.
            const Moments relu = moments(ActivationId::Relu, 0, mu, sigma);
            const Moments elu0 = moments(ActivationId::Elu, 0.0, mu, sigma);
            const Moments elu1 = moments(ActivationId::Elu, 1.0, mu, sigma);
            const Moments celu1 = moments(ActivationId::Celu, 1.0, mu, sigma);
            for (auto field : {&Moments::mean, &Moments::variance, &Moments::meanDerivative,
                               &Moments::meanDerivativeSquared}) {
                QVERIFY(close(elu0.*field, relu.*field, 1e-15) || relu.*field == 0);
                QVERIFY(close(celu1.*field, elu1.*field, 1e-15));
            }
        }
}

void TestGaussianMoments::tinySoftplusBeta_data()
{
    QTest::addColumn<double>("beta");
    QTest::addColumn<double>("mu");
    QTest::addColumn<double>("sigma");
    for (double beta : {1e-300, 1e-10})
        for (double mu : {-10.0, 0.0, 3.0})
            for (double sigma : {1e-3, 1.0, 10.0})
                QTest::addRow("beta=%g mu=%g sigma=%g", beta, mu, sigma) << beta << mu << sigma;
}

void TestGaussianMoments::tinySoftplusBeta()
{
    // softplus(x; β) = log(1 + e^(βx))/β = log 2/β + x/2 + βx²/8 − β³x⁴/192 + … for β|x| ≪ 1,
    // so E = log 2/β + μ/2 + β(μ² + σ²)/8, Var = σ²/4 + βμσ²/4, E f′ = 1/2 + βμ/4 and
    // E f′² = 1/4 + βμ/4, each to O(β²) ≤ 10⁻¹⁸ relative here: a check far below the
    // grid's β = 10⁻³, where quadrature must keep f(X) − f(μ) ≈ X/2 − μ/2 against log 2/β.
    QFETCH(double, beta);
    QFETCH(double, mu);
    QFETCH(double, sigma);
    const long double b = beta, m = mu, s = sigma;
    const Moments actual = moments(ActivationId::Softplus, beta, mu, sigma);
    const double expected[] = {
        double(std::log(2.0L) / b + m / 2 + b * (m * m + s * s) / 8),
        double(s * s / 4 + b * m * s * s / 4),
        double(0.5L + b * m / 4),
        double(0.25L + b * m / 4),
    };
    const double values[] = {actual.mean, actual.variance, actual.meanDerivative,
                             actual.meanDerivativeSquared};
    for (int i = 0; i < 4; ++i)
        QVERIFY2(close(values[i], expected[i], 1e-13),
                 qPrintable(describe(values[i], expected[i])));
}

QTEST_APPLESS_MAIN(TestGaussianMoments)
#include "tst_gaussianmoments.moc"
