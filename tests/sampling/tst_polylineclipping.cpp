// SPDX-License-Identifier: MIT
#include "polylineclipping.h"

#include <QTest>

#include <cmath>

class TestPolylineClipping : public QObject
{
    Q_OBJECT

private slots:
    void insideIsUnchanged();
    void crossingGainsBorderPointsAndGaps();
    void everyVertexInsideTheRectangle();
    void gapsInInputArePassedThrough();
};

void TestPolylineClipping::insideIsUnchanged()
{
    const elu::ClippedPolyline out = elu::clipPolyline({0, 1, 2}, {0, 1, 0}, -1, 3, -1, 2);
    QCOMPARE(out.xs, (std::vector<double>{0, 1, 2}));
    QCOMPARE(out.ys, (std::vector<double>{0, 1, 0}));
}

void TestPolylineClipping::crossingGainsBorderPointsAndGaps()
{
    // Up through the top (y = 1) at x = 1, back down at x = 3.
    const elu::ClippedPolyline out = elu::clipPolyline({0, 2, 4}, {0, 2, 0}, -1, 5, -1, 1);
    QCOMPARE(out.xs.size(), std::size_t(5));
    QCOMPARE(out.xs[0], 0.0);
    QCOMPARE(out.xs[1], 1.0);
    QCOMPARE(out.ys[1], 1.0);
    QVERIFY(std::isnan(out.ys[2])); // the line leaves the rectangle
    QCOMPARE(out.xs[3], 3.0);
    QCOMPARE(out.ys[3], 1.0);
    QCOMPARE(out.xs[4], 4.0);
}

void TestPolylineClipping::everyVertexInsideTheRectangle()
{
    std::vector<double> xs, ys;
    for (int i = 0; i <= 400; ++i) {
        xs.push_back(-2 + i / 100.0);
        ys.push_back(std::sin(xs.back() * 5) * 3);
    }
    const elu::ClippedPolyline out = elu::clipPolyline(xs, ys, -1, 1, -1, 1);
    QVERIFY(!out.xs.empty());
    QVERIFY(std::is_sorted(out.xs.begin(), out.xs.end()));
    for (std::size_t i = 0; i < out.xs.size(); ++i) {
        if (std::isnan(out.ys[i]))
            continue;
        QVERIFY(out.xs[i] >= -1 - 1e-12 && out.xs[i] <= 1 + 1e-12);
        QVERIFY(out.ys[i] >= -1 - 1e-12 && out.ys[i] <= 1 + 1e-12);
    }
}

void TestPolylineClipping::gapsInInputArePassedThrough()
{
    const double nan = std::nan("");
    // The derivative's line, broken at its jump at 0.
    const elu::ClippedPolyline out =
        elu::clipPolyline({-1, 0, 0, 1, 2}, {0.5, 0.5, nan, 1, 1}, -2, 2, 0, 2);
    QCOMPARE(out.xs, (std::vector<double>{-1, 0, 0, 1, 2}));
    QCOMPARE(out.ys[1], 0.5);
    QVERIFY(std::isnan(out.ys[2]));
    QCOMPARE(out.ys[3], 1.0);
}

QTEST_APPLESS_MAIN(TestPolylineClipping)
#include "tst_polylineclipping.moc"
