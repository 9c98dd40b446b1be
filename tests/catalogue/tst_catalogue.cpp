// SPDX-License-Identifier: MIT
// The catalogue as data: the rows docs/contract.md lists, their parameters, kinks, smoothness and
// the extrema sampling relies on, each checked against the mathematics rather than the table.
#include "catalogue.h"
#include "plotspec.h"

#include <QTest>

#include <cmath>
#include <set>

using elu::ActivationId;

class TestCatalogue : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreThoseOfTheContract();
    void findByName_data();
    void findByName();
    void parameters_data();
    void parameters();
    void kinks_data();
    void kinks();
    void smoothness_data();
    void smoothness();
    void criticalPointsAreExtrema();
    void smoothActivationsHaveNoKink();
    void identityOnPositiveHolds();
};

void TestCatalogue::rowsAreThoseOfTheContract()
{
    const char *expected[] = {"relu",      "leaky_relu", "elu",  "celu",     "selu",    "gelu",
                              "gelu_tanh", "silu",       "mish", "softplus", "sigmoid", "tanh"};
    std::set<std::string> names(std::begin(expected), std::end(expected));
    QCOMPARE(elu::catalogue().size(), names.size());
    for (std::size_t i = 0; i < elu::catalogue().size(); ++i) {
        const elu::Activation &row = elu::catalogue()[i];
        QCOMPARE(std::size_t(row.id), i); // the id indexes the table
        QVERIFY2(names.erase(std::string(row.name)) == 1, row.name.data());
        QVERIFY(!row.displayName.isEmpty());
        QVERIFY(!row.formula.isEmpty());
        QVERIFY(!row.formulaLatex.isEmpty());
        QVERIFY(!row.smoothnessSummary.isEmpty());
    }
    QVERIFY(names.empty());
    QCOMPARE(elu::catalogue().front().name, std::string_view("relu"));
    QCOMPARE(elu::catalogue().back().name, std::string_view("tanh"));
}

void TestCatalogue::findByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");
    QTest::newRow("elu") << "elu" << true;
    QTest::newRow("leaky_relu") << "leaky_relu" << true;
    QTest::newRow("gelu_tanh") << "gelu_tanh" << true;
    QTest::newRow("upper case") << "ELU" << false;
    QTest::newRow("display name") << "Leaky ReLU" << false;
    QTest::newRow("prefix") << "gel" << false;
    QTest::newRow("empty") << "" << false;
}

void TestCatalogue::findByName()
{
    QFETCH(QString, name);
    QFETCH(bool, found);
    const elu::Activation *row = elu::findActivation(name);
    QCOMPARE(row != nullptr, found);
    if (row)
        QCOMPARE(QString::fromLatin1(row->name.data(), qsizetype(row->name.size())), name);
}

void TestCatalogue::parameters_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("keyword"); // empty: no parameter
    QTest::addColumn<double>("defaultValue");
    QTest::addColumn<double>("min");
    QTest::addColumn<bool>("minIncluded");
    QTest::addColumn<double>("max");
    QTest::newRow("relu") << int(ActivationId::Relu) << "" << 0.0 << 0.0 << true << 0.0;
    QTest::newRow("leaky_relu") << int(ActivationId::LeakyRelu) << "negative_slope" << 0.01
                                << 0.0 << true << 1.0;
    QTest::newRow("elu") << int(ActivationId::Elu) << "alpha" << 1.0 << 0.0 << true << 100.0;
    QTest::newRow("celu") << int(ActivationId::Celu) << "alpha" << 1.0 << 0.0 << false << 100.0;
    QTest::newRow("selu") << int(ActivationId::Selu) << "" << 0.0 << 0.0 << true << 0.0;
    QTest::newRow("softplus") << int(ActivationId::Softplus) << "beta" << 1.0 << 0.0 << false
                              << 100.0;
    QTest::newRow("gelu") << int(ActivationId::Gelu) << "" << 0.0 << 0.0 << true << 0.0;
    QTest::newRow("tanh") << int(ActivationId::Tanh) << "" << 0.0 << 0.0 << true << 0.0;
}

void TestCatalogue::parameters()
{
    QFETCH(int, id);
    QFETCH(QString, keyword);
    QFETCH(double, defaultValue);
    QFETCH(double, min);
    QFETCH(bool, minIncluded);
    QFETCH(double, max);
    const auto &parameter = elu::activation(ActivationId(id)).parameter;
    QCOMPARE(parameter.has_value(), !keyword.isEmpty());
    if (!parameter)
        return;
    QCOMPARE(QString::fromLatin1(parameter->keyword.data(), qsizetype(parameter->keyword.size())),
             keyword);
    QCOMPARE(parameter->defaultValue, defaultValue);
    QCOMPARE(parameter->min, min);
    QCOMPARE(parameter->minIncluded, minIncluded);
    QCOMPARE(parameter->max, max);
    QVERIFY(parameter->accepts(defaultValue));
    QVERIFY(parameter->accepts(max));
    QCOMPARE(parameter->accepts(min), minIncluded);
    QVERIFY(!parameter->accepts(std::nextafter(max, 1e9)));
    QVERIFY(!parameter->accepts(std::nan("")));
    QVERIFY(!parameter->accepts(-std::numeric_limits<double>::infinity()));
    // The slider covers the accepted range and lands on accepted values at both ends.
    QVERIFY(parameter->accepts(parameter->slider.valueAt(0)));
    QCOMPARE(parameter->slider.valueAt(parameter->slider.steps()), max);
    QCOMPARE(parameter->slider.valueAt(parameter->slider.positionOf(defaultValue)), defaultValue);
}

void TestCatalogue::kinks_data()
{
    // docs/contract.md's table: f′ at the kink as PyTorch autograd gives it, and the one-sided
    // limits of the derivatives written out by hand.
    const double lambda = 1.0507009873554805, alpha = 1.6732632423543772;
    const double lambdaAlpha = double((long double)lambda * (long double)alpha);
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("right");
    QTest::addColumn<double>("autograd");
    QTest::newRow("relu") << int(ActivationId::Relu) << 0.0 << 0.0 << 1.0 << 0.0;
    QTest::newRow("leaky_relu 0.01") << int(ActivationId::LeakyRelu) << 0.01 << 0.01 << 1.0
                                     << 0.01;
    QTest::newRow("leaky_relu 0") << int(ActivationId::LeakyRelu) << 0.0 << 0.0 << 1.0 << 0.0;
    QTest::newRow("elu 0.5") << int(ActivationId::Elu) << 0.5 << 0.5 << 1.0 << 0.5;
    QTest::newRow("elu 1") << int(ActivationId::Elu) << 1.0 << 1.0 << 1.0 << 1.0;
    QTest::newRow("elu 0 (ReLU)") << int(ActivationId::Elu) << 0.0 << 0.0 << 1.0 << 0.0;
    QTest::newRow("celu 3") << int(ActivationId::Celu) << 3.0 << 1.0 << 1.0 << 1.0;
    QTest::newRow("selu") << int(ActivationId::Selu) << 0.0 << lambdaAlpha << lambda
                          << lambdaAlpha;
}

void TestCatalogue::kinks()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(double, left);
    QFETCH(double, right);
    QFETCH(double, autograd);
    const elu::Activation &row = elu::activation(ActivationId(id));
    const std::optional<elu::Kink> kink = row.kink(parameter);
    QVERIFY(kink.has_value());
    QCOMPARE(kink->x, 0.0);
    QCOMPARE(kink->leftDerivative, left);
    QCOMPARE(kink->rightDerivative, right);
    QCOMPARE(kink->autogradDerivative, autograd);
    // The derivative function agrees: autograd's value at 0, the limits just beside it.
    QCOMPARE(row.derivative(0.0, parameter), autograd);
    QCOMPARE(row.derivative(std::nextafter(0.0, 1.0), parameter), right);
    QVERIFY(std::abs(row.derivative(-1e-12, parameter) - left) <= 1e-11 * std::max(1.0, left));
}

void TestCatalogue::smoothness_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<double>("parameter");
    QTest::addColumn<int>("smoothness");
    QTest::newRow("relu") << int(ActivationId::Relu) << 0.0 << int(elu::Smoothness::C0);
    QTest::newRow("leaky 0.01") << int(ActivationId::LeakyRelu) << 0.01 << int(elu::Smoothness::C0);
    QTest::newRow("leaky 1 is x") << int(ActivationId::LeakyRelu) << 1.0
                                  << int(elu::Smoothness::CInfinity);
    QTest::newRow("elu 1") << int(ActivationId::Elu) << 1.0 << int(elu::Smoothness::C1);
    QTest::newRow("elu 2") << int(ActivationId::Elu) << 2.0 << int(elu::Smoothness::C0);
    QTest::newRow("celu 0.5") << int(ActivationId::Celu) << 0.5 << int(elu::Smoothness::C1);
    QTest::newRow("selu") << int(ActivationId::Selu) << 0.0 << int(elu::Smoothness::C0);
    QTest::newRow("gelu") << int(ActivationId::Gelu) << 0.0 << int(elu::Smoothness::CInfinity);
    QTest::newRow("softplus 2") << int(ActivationId::Softplus) << 2.0
                                << int(elu::Smoothness::CInfinity);
}

void TestCatalogue::smoothness()
{
    QFETCH(int, id);
    QFETCH(double, parameter);
    QFETCH(int, smoothness);
    const elu::Activation &row = elu::activation(ActivationId(id));
    QCOMPARE(int(row.smoothness(parameter)), smoothness);
    // A C⁰ activation has a kink whose derivative jumps; a C¹ one a kink where only f″ jumps.
    const std::optional<elu::Kink> kink = row.kink(parameter);
    switch (elu::Smoothness(smoothness)) {
    case elu::Smoothness::C0:
        QVERIFY(kink && !kink->derivativeContinuous());
        break;
    case elu::Smoothness::C1:
        QVERIFY(kink && kink->derivativeContinuous());
        QVERIFY(kink->leftSecondDerivative != kink->rightSecondDerivative);
        break;
    case elu::Smoothness::CInfinity:
        QVERIFY(!kink);
        break;
    }
}

void TestCatalogue::criticalPointsAreExtrema()
{
    // Each listed point is a root of f′ (f′ changes sign within 1e-9 of it) or an extremum of
    // f′ (f′ there is above, or below, both neighbours at ±1e-5, which places it within 5e-6).
    for (const elu::Activation &row : elu::catalogue()) {
        const double p = row.parameter ? row.parameter->defaultValue : 0.0;
        for (const double c : row.criticalPoints(p)) {
            const auto fp = [&](double x) { return row.derivative(x, p); };
            const bool rootOfDerivative = fp(c - 1e-9) * fp(c + 1e-9) < 0;
            const double here = fp(c), left = fp(c - 1e-5), right = fp(c + 1e-5);
            const bool extremumOfDerivative =
                (here > left && here > right) || (here < left && here < right);
            QVERIFY2(rootOfDerivative || extremumOfDerivative,
                     qPrintable(QStringLiteral("%1 at %2").arg(row.displayName).arg(c, 0, 'g', 17)));
        }
    }
}

void TestCatalogue::smoothActivationsHaveNoKink()
{
    for (const elu::Activation &row : elu::catalogue()) {
        if (row.smoothness(row.parameter ? row.parameter->defaultValue : 0.0)
            != elu::Smoothness::CInfinity)
            continue;
        // f′ is continuous at 0: the two sides agree to rounding.
        const double p = row.parameter ? row.parameter->defaultValue : 0.0;
        QVERIFY(std::abs(row.derivative(1e-12, p) - row.derivative(-1e-12, p)) < 1e-9);
    }
}

void TestCatalogue::identityOnPositiveHolds()
{
    // The writers reuse the text of x for y where this flag is set: it must be exactly true.
    for (const elu::Activation &row : elu::catalogue()) {
        const double p = row.parameter ? row.parameter->defaultValue : 0.0;
        bool identity = true;
        for (const double x : {5e-324, 1e-300, 1e-8, 0.5, 1.0, 3.0, 1e6, 1e300})
            identity = identity && row.value(x, p) == x && row.derivative(x, p) == 1.0;
        QCOMPARE(row.identityOnPositive, identity);
    }
}

QTEST_APPLESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
