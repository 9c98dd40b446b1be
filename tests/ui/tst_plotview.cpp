// SPDX-License-Identifier: MIT
#include "testsupport.h"
#include "elu.h"
#include "plotview.h"
#include "samplegrid.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>

class TestPlotView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_view.reset(); }
    void burstOfChangesGivesOneUpdateWithLastValue();
    void hugePointCountPlotsOnlyWhatPixelsShow_data();
    void hugePointCountPlotsOnlyWhatPixelsShow();
    void dragPansAndResamples();
    void cursorSignalGivesPlotCoordinate();

private:
    std::unique_ptr<PlotView> m_view;
};

void TestPlotView::init()
{
    m_view = std::make_unique<PlotView>();
    m_view->resize(800, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTest::qWait(0);
}

void TestPlotView::burstOfChangesGivesOneUpdateWithLastValue()
{
    QCoreApplication::processEvents();
    const int before = m_view->updateCount();
    for (int step = 1; step <= 100; ++step)
        m_view->setSpec(testsupport::eluSpec(0.02 * step, -2.0, 2.0, 1000));
    QCoreApplication::processEvents();
    QCOMPARE(m_view->updateCount(), before + 1);
    const PlotView::PlottedData data = m_view->plottedData();
    QCOMPARE(data.y.first(), elu::value(-2.0, 2.0));
    QCOMPARE(data.yp.first(), elu::derivative(-2.0, 2.0));
}

void TestPlotView::hugePointCountPlotsOnlyWhatPixelsShow_data()
{
    QTest::addColumn<qint64>("points");
    QTest::newRow("one million") << qint64(1'000'000);
    QTest::newRow("ten million") << qint64(10'000'000);
}

void TestPlotView::hugePointCountPlotsOnlyWhatPixelsShow()
{
    QFETCH(qint64, points);
    const elu::PlotSpec p = testsupport::eluSpec(0.7, -3.0, 2.0, points);
    m_view->setSpec(p);
    m_view->refresh();
    const PlotView::PlottedData data = m_view->plottedData();
    const int pixels = int(std::ceil(m_view->width() * m_view->devicePixelRatioF()));
    QVERIFY2(data.x.size() <= 2 * pixels + 6, qPrintable(QString::number(data.x.size())));
    const elu::SampleGrid grid(p.xmin, p.xmax, p.points);
    QCOMPARE(data.x.first(), p.xmin);
    QCOMPARE(data.x.last(), p.xmax);
    for (qsizetype i = 0; i < data.x.size(); ++i) {
        QCOMPARE(grid.x(grid.lastIndexAtOrBelow(data.x[i])), data.x[i]);
        QCOMPARE(data.y[i], elu::value(data.x[i], p.curves.front().parameter));
    }
}

void TestPlotView::dragPansAndResamples()
{
    m_view->setSpec(testsupport::eluSpec(1.0, -2.0, 2.0, 1000));
    m_view->refresh();
    QWidget *canvas = m_view->findChild<QWidget *>();
    double xLower, xUpper, yLower, yUpper;
    m_view->visibleRange(xLower, xUpper, yLower, yUpper);
    const QPoint start(canvas->width() / 2, canvas->height() / 2);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(200, 0)),
                     canvas->mapToGlobal(QPointF(start + QPoint(200, 0))), Qt::LeftButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &move);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, start + QPoint(200, 0));
    QCoreApplication::processEvents();
    double newLower, newUpper;
    m_view->visibleRange(newLower, newUpper, yLower, yUpper);
    QVERIFY2(newLower < xLower - 0.5, "dragging right shows smaller x");
    QCOMPARE(newUpper - newLower, xUpper - xLower);
    // Resampled for the new view: no sample beyond one step outside it.
    const PlotView::PlottedData data = m_view->plottedData();
    QVERIFY(data.x.last() <= newUpper + 4.0 / 999 + 1e-12);
}

void TestPlotView::cursorSignalGivesPlotCoordinate()
{
    m_view->setSpec(testsupport::eluSpec(1.0, -2.0, 2.0, 1000));
    m_view->refresh();
    QWidget *canvas = m_view->findChild<QWidget *>();
    QSignalSpy moved(m_view.get(), &PlotView::cursorMoved);
    QTest::mouseMove(canvas, QPoint(canvas->width() / 2, canvas->height() / 2));
    QTRY_VERIFY(!moved.isEmpty());
    const double x = moved.last().first().toDouble();
    double xLower, xUpper, yLower, yUpper;
    m_view->visibleRange(xLower, xUpper, yLower, yUpper);
    QVERIFY(x > xLower && x < xUpper);
    QVERIFY(std::abs(x - (xLower + xUpper) / 2) < (xUpper - xLower) * 0.1);
    QTest::mouseMove(canvas, QPoint(1, 1)); // over the margin, outside the axes
    QVERIFY(std::isnan(moved.last().first().toDouble()));
}

QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
