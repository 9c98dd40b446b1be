// SPDX-License-Identifier: MIT
#include "elu.h"
#include "testsupport.h"

#include <QTest>

using testsupport::ulpBound;
using testsupport::ulpDistance;

class TestElu : public QObject
{
    Q_OBJECT

private slots:
    void goldenFileIsComplete();
    void valueMatchesGolden_data();
    void valueMatchesGolden();
    void derivativeMatchesGolden_data() { valueMatchesGolden_data(); }
    void derivativeMatchesGolden();
    void expm1KeepsDigitsNearZero();
    void derivativeAtZeroIsAlpha_data();
    void derivativeAtZeroIsAlpha();
    void oneSidedLimits();
    void secondDerivativeJumpsAtZero();
    void continuityOnlyAtAlphaOne();
};

void TestElu::goldenFileIsComplete()
{
    QCOMPARE(testsupport::goldenCases().size(), std::size_t(175));
}

void TestElu::valueMatchesGolden_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("yp");
    for (const testsupport::GoldenCase &c : testsupport::goldenCases())
        QTest::addRow("alpha=%.17g x=%.17g", c.alpha, c.x) << c.alpha << c.x << c.y << c.yp;
}

void TestElu::valueMatchesGolden()
{
    QFETCH(double, alpha);
    QFETCH(double, x);
    QFETCH(double, y);
    const double actual = elu::value(x, alpha);
    QVERIFY2(ulpDistance(actual, y) <= ulpBound(alpha),
             qPrintable(QStringLiteral("ELU = %1, exact %2, %3 ULP apart")
                            .arg(actual, 0, 'g', 17)
                            .arg(y, 0, 'g', 17)
                            .arg(ulpDistance(actual, y))));
    if (y == 0.0)
        QCOMPARE(std::signbit(actual), std::signbit(y));
}

void TestElu::derivativeMatchesGolden()
{
    QFETCH(double, alpha);
    QFETCH(double, x);
    QFETCH(double, yp);
    const double actual = elu::derivative(x, alpha);
    QVERIFY2(ulpDistance(actual, yp) <= ulpBound(alpha),
             qPrintable(QStringLiteral("ELU′ = %1, exact %2, %3 ULP apart")
                            .arg(actual, 0, 'g', 17)
                            .arg(yp, 0, 'g', 17)
                            .arg(ulpDistance(actual, yp))));
}

void TestElu::expm1KeepsDigitsNearZero()
{
    // exp(x) - 1 gives -1.999999987845058e-09 here, 1.3e8 ULP from the exact value.
    const double x = -2e-9;
    const double exact = -1.999999998e-09; // −2e−9 + 2e−18, exactly rounded
    QVERIFY(ulpDistance(elu::value(x, 1.0), exact) <= 1);
}

void TestElu::derivativeAtZeroIsAlpha_data()
{
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("x");
    QTest::newRow("alpha 0.5 at +0") << 0.5 << 0.0;
    QTest::newRow("alpha 0.5 at -0") << 0.5 << -0.0;
    QTest::newRow("alpha 2 at +0") << 2.0 << 0.0;
    QTest::newRow("alpha 0 at +0") << 0.0 << 0.0;
    QTest::newRow("alpha 100 at -0") << 100.0 << -0.0;
}

void TestElu::derivativeAtZeroIsAlpha()
{
    QFETCH(double, alpha);
    QFETCH(double, x);
    QCOMPARE(elu::derivative(x, alpha), alpha);
}

void TestElu::oneSidedLimits()
{
    const elu::OneSidedLimits limits = elu::derivativeLimitsAtZero(0.25);
    QCOMPARE(limits.fromLeft, 0.25);
    QCOMPARE(limits.fromRight, 1.0);
    // The limits agree with the derivative just either side of 0.
    QVERIFY(std::abs(elu::derivative(-1e-12, 0.25) - limits.fromLeft) < 1e-12);
    QCOMPARE(elu::derivative(1e-12, 0.25), limits.fromRight);
}

void TestElu::secondDerivativeJumpsAtZero()
{
    const elu::OneSidedLimits limits = elu::secondDerivativeLimitsAtZero(1.0);
    QCOMPARE(limits.fromLeft, 1.0);
    QCOMPARE(limits.fromRight, 0.0);
    QCOMPARE(elu::secondDerivative(0.5, 3.0), 0.0);
    QCOMPARE(elu::secondDerivative(0.0, 3.0), 3.0);
    QVERIFY(std::abs(elu::secondDerivative(-1.0, 1.0) - 0.36787944117144233) < 1e-16);
}

void TestElu::continuityOnlyAtAlphaOne()
{
    QVERIFY(elu::isDerivativeContinuous(1.0));
    QVERIFY(!elu::isDerivativeContinuous(0.999));
    QVERIFY(!elu::isDerivativeContinuous(0.0));
    QVERIFY(!elu::isDerivativeContinuous(1.0000000000000002));
}

QTEST_APPLESS_MAIN(TestElu)
#include "tst_elu.moc"
