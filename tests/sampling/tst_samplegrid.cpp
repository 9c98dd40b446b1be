// SPDX-License-Identifier: MIT
#include "samplegrid.h"

#include <QTest>

#include <cfloat>

class TestSampleGrid : public QObject
{
    Q_OBJECT

private slots:
    void endsAreExact_data();
    void endsAreExact();
    void evenlySpacedAndIncreasing_data() { endsAreExact_data(); }
    void evenlySpacedAndIncreasing();
    void twoPointsAreTheEnds();
    void signedZeroEnds_data();
    void signedZeroEnds();
    void articleGrid();
    void lastIndexAtOrBelow_data();
    void lastIndexAtOrBelow();
};

void TestSampleGrid::endsAreExact_data()
{
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("count");
    QTest::newRow("article") << -2.0 << 2.0 << qint64(1000);
    QTest::newRow("two points") << -2.0 << 2.0 << qint64(2);
    QTest::newRow("three points") << -1.0 << 3.0 << qint64(3);
    QTest::newRow("awkward ends") << -0.1 << 0.7 << qint64(997);
    QTest::newRow("one side") << 1e-300 << 3e-300 << qint64(101);
    QTest::newRow("huge range") << -DBL_MAX << DBL_MAX << qint64(1001);
    QTest::newRow("ten million") << -2.0 << 2.0 << qint64(10'000'000);
}

void TestSampleGrid::endsAreExact()
{
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, count);
    const elu::SampleGrid grid(xmin, xmax, count);
    QCOMPARE(grid.count(), count);
    QCOMPARE(grid.x(0), xmin);
    QCOMPARE(grid.x(count - 1), xmax);
}

void TestSampleGrid::evenlySpacedAndIncreasing()
{
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, count);
    const elu::SampleGrid grid(xmin, xmax, count);
    const long double step = ((long double)xmax - xmin) / (count - 1);
    const qint64 stride = std::max<qint64>(1, count / 100000);
    for (qint64 i = 0; i < count; i += stride) {
        const long double expected = (long double)xmin + step * i;
        // lerp rounds t = i/(N−1) and the result: about 2 ULP of the larger end.
        const long double tolerance =
            (std::abs((long double)xmin) + std::abs((long double)xmax)) * 2.3e-16L;
        QVERIFY2(std::abs(grid.x(i) - expected) <= tolerance, qPrintable(QString::number(i)));
        if (i > 0)
            QVERIFY(grid.x(i) > grid.x(i - 1));
    }
}

void TestSampleGrid::twoPointsAreTheEnds()
{
    const elu::SampleGrid grid(-3.5, 7.25, 2);
    QCOMPARE(grid.x(0), -3.5);
    QCOMPARE(grid.x(1), 7.25);
}

void TestSampleGrid::signedZeroEnds_data()
{
    QTest::addColumn<double>("xmin");
    QTest::addColumn<double>("xmax");
    QTest::addColumn<qint64>("count");
    QTest::newRow("-0 to 1") << -0.0 << 1.0 << qint64(3);
    QTest::newRow("-0 to 1, two points") << -0.0 << 1.0 << qint64(2);
    QTest::newRow("-0 to tiny") << -0.0 << 5e-324 << qint64(7);
    QTest::newRow("-1 to -0") << -1.0 << -0.0 << qint64(5);
    QTest::newRow("-1 to +0") << -1.0 << 0.0 << qint64(5);
    QTest::newRow("+0 to 1") << 0.0 << 1.0 << qint64(4);
    QTest::newRow("-big to -0") << -DBL_MAX << -0.0 << qint64(1001);
}

void TestSampleGrid::signedZeroEnds()
{
    // x(0) and x(N − 1) are the ends themselves, a zero's sign included (std::lerp(−0, 1, 0)
    // is +0), and x never decreases between them.
    QFETCH(double, xmin);
    QFETCH(double, xmax);
    QFETCH(qint64, count);
    const elu::SampleGrid grid(xmin, xmax, count);
    QCOMPARE(std::signbit(grid.x(0)), std::signbit(xmin));
    QCOMPARE(grid.x(0), xmin);
    QCOMPARE(std::signbit(grid.x(count - 1)), std::signbit(xmax));
    QCOMPARE(grid.x(count - 1), xmax);
    for (qint64 i = 1; i < count; ++i)
        QVERIFY2(grid.x(i - 1) <= grid.x(i), qPrintable(QString::number(i)));
    QCOMPARE(grid.lastIndexAtOrBelow(xmax), count - 1);
}

void TestSampleGrid::articleGrid()
{
    // torch.linspace(-2, 2, 1000) spaces samples 4/999 apart.
    const elu::SampleGrid grid(-2.0, 2.0, 1000);
    QCOMPARE(grid.x(1), -2.0 + 4.0 / 999.0);
    QCOMPARE(grid.x(500), -2.0 + 500 * (4.0 / 999.0));
    QVERIFY(grid.x(499) < 0.0 && grid.x(500) > 0.0);
}

void TestSampleGrid::lastIndexAtOrBelow_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("index");
    // Grid −1, −0.5, 0, 0.5, 1.
    QTest::newRow("below the grid") << -1.5 << qint64(-1);
    QTest::newRow("first sample") << -1.0 << qint64(0);
    QTest::newRow("between") << -0.75 << qint64(0);
    QTest::newRow("on zero") << 0.0 << qint64(2);
    QTest::newRow("just below a sample") << std::nextafter(0.5, 0.0) << qint64(2);
    QTest::newRow("last sample") << 1.0 << qint64(4);
    QTest::newRow("above the grid") << 9.0 << qint64(4);
    QTest::newRow("nan") << std::nan("") << qint64(-1);
}

void TestSampleGrid::lastIndexAtOrBelow()
{
    QFETCH(double, value);
    QFETCH(qint64, index);
    QCOMPARE(elu::SampleGrid(-1.0, 1.0, 5).lastIndexAtOrBelow(value), index);
}

QTEST_APPLESS_MAIN(TestSampleGrid)
#include "tst_samplegrid.moc"
