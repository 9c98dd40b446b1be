// SPDX-License-Identifier: MIT
// The curve list driven as a person would: menus, clicks on check boxes and ×, the Delete key,
// the family dialog's text. What is plotted must follow, as the core computes it.
#include "catalogue.h"
#include "curvelistwidget.h"
#include "elu.h"
#include "familydialog.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "parametercontrols.h"
#include "plotmodel.h"
#include "plotview.h"
#include "sliderspinbox.h"
#include "windowsupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using elu::ActivationId;

class TestCurveList : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addCurveFromTheMenu();
    void familyDialogParses_data();
    void familyDialogParses();
    void familyIsAddedAndPlotted();
    void checkBoxHidesACurve();
    void removeButtonAndDeleteKey();
    void selectingARowPutsItsParameterOnTheSlider();
    void draggingTheSliderMovesOnlyTheSelectedCurve();
    void eightCurvesAtMost();
    void recolouredCurveIsDrawnInItsColour();

private:
    QListView *list() const { return m_window->curveList()->view(); }
    QRect rowRect(int row) const { return list()->visualRect(list()->model()->index(row, 0)); }

    QTemporaryDir m_config;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestCurveList::init()
{
    QVERIFY(testsupport::openWindow(m_settings, m_window,
                                    m_config.filePath(QStringLiteral("test.ini")),
                                    QSize(1200, 800)));
}

void TestCurveList::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestCurveList::addCurveFromTheMenu()
{
    QSignalSpy inserted(m_window->model(), &QAbstractItemModel::rowsInserted);
    QMenu *menu = m_window->curveList()->addButton()->menu();
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), int(elu::catalogue().size())); // the whole catalogue
    menu->actions()[int(ActivationId::Relu)]->trigger();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(m_window->model()->rowCount(), 2);
    QCOMPARE(m_window->model()->selectedCurve(), 1); // the new curve is selected
    QCOMPARE(list()->currentIndex().row(), 1);
    m_window->plotView()->refresh();
    const PlotView::PlottedData relu = m_window->plotView()->plottedData(1);
    QVERIFY(!relu.x.isEmpty());
    for (qsizetype i = 0; i < relu.x.size(); ++i)
        QCOMPARE(relu.y[i], std::max(0.0, relu.x[i]));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("ReLU")));
}

void TestCurveList::familyDialogParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("adds"); // empty: refused
    QTest::addColumn<QString>("feedback");
    QTest::newRow("list") << "0.5, 1, 2" << "0.5 1 2" << "Adds ELU, α = 0.5; ELU, α = 1; ELU, α = 2.";
    QTest::newRow("spaces") << "0.25 3" << "0.25 3" << "Adds";
    QTest::newRow("range") << "0.5 to 2 by 4" << "0.5 1 1.5 2" << "Adds";
    QTest::newRow("not a number") << "0.5, abc" << "" << "'abc' is not a number";
    QTest::newRow("out of range") << "1, 200" << "" << "alpha must be a finite number from 0 to 100";
    QTest::newRow("twice") << "1, 1" << "" << "given twice";
    QTest::newRow("nine") << "1 2 3 4 5 6 7 8 9" << "" << "at most 8 curves";
    QTest::newRow("empty") << "" << "" << "type values like";
    QTest::newRow("bad range") << "0.5 to 2 by 0" << "" << "FROM to TO by COUNT";
}

void TestCurveList::familyDialogParses()
{
    QFETCH(QString, text);
    QFETCH(QString, adds);
    QFETCH(QString, feedback);
    FamilyDialog dialog(ActivationId::Elu);
    dialog.valuesEdit()->selectAll();
    QTest::keyClicks(dialog.valuesEdit(), text);
    if (text.isEmpty())
        QTest::keyClick(dialog.valuesEdit(), Qt::Key_Backspace);
    QVERIFY2(dialog.feedbackLabel()->text().contains(feedback),
             qPrintable(dialog.feedbackLabel()->text()));
    QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled(), !adds.isEmpty());
    QStringList values;
    for (const elu::Curve &curve : dialog.curves()) {
        QCOMPARE(curve.activation, ActivationId::Elu);
        values << elu::formatNumber(curve.parameter);
    }
    QCOMPARE(values.join(QLatin1Char(' ')), adds);
}

void TestCurveList::familyIsAddedAndPlotted()
{
    // The dialog offers only activations with a parameter; pick Softplus and type a family.
    FamilyDialog dialog(ActivationId::Softplus);
    QCOMPARE(dialog.activationBox()->currentText(), QStringLiteral("Softplus (β)"));
    QCOMPARE(dialog.activationBox()->count(), 4); // leaky_relu, elu, celu, softplus
    dialog.valuesEdit()->selectAll();
    QTest::keyClicks(dialog.valuesEdit(), QStringLiteral("0.5, 2"));
    QCOMPARE(m_window->model()->addCurves(dialog.curves()), QString());
    QCOMPARE(m_window->model()->rowCount(), 3);
    m_window->plotView()->refresh();
    // Softplus at x = 0 is log(2)/β whatever the grid: find the sample at 0 (N = 1000 on
    // [−2, 2] has none, so compare at every sample with the catalogue's own row instead).
    const PlotView::PlottedData half = m_window->plotView()->plottedData(1);
    for (qsizetype i = 0; i < half.x.size(); ++i)
        QCOMPARE(half.y[i], elu::activation(ActivationId::Softplus).value(half.x[i], 0.5));
}

void TestCurveList::checkBoxHidesACurve()
{
    QVERIFY(m_window->model()->addCurves({{ActivationId::Tanh, 0.0}}).isEmpty());
    list()->scrollToTop();
    // Click the check box of row 1 (Tanh): it sits at the left of the row.
    const QRect row = rowRect(1);
    const QPoint checkBox(row.left() + list()->style()->pixelMetric(QStyle::PM_IndicatorWidth) / 2 + 3,
                          row.center().y());
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, checkBox);
    QCOMPARE(m_window->model()->appearance()[1].visible, false);
    m_window->plotView()->refresh();
    QCOMPARE(m_window->plotView()->legendNames(), (QStringList{"ELU(x), α = 1", "ELU′(x), α = 1"}));
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, checkBox);
    QCOMPARE(m_window->model()->appearance()[1].visible, true);
}

void TestCurveList::removeButtonAndDeleteKey()
{
    QVERIFY(m_window->model()->addCurves({{ActivationId::Relu, 0.0}, {ActivationId::Gelu, 0.0},
                                          {ActivationId::Silu, 0.0}})
                .isEmpty());
    QCOMPARE(m_window->model()->rowCount(), 4);
    // The × at the right end of row 2 (GELU).
    const QRect row = rowRect(2);
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {},
                      QPoint(row.right() - row.height() / 2, row.center().y()));
    QCOMPARE(m_window->model()->rowCount(), 3);
    QCOMPARE(m_window->model()->spec().curves[2].activation, ActivationId::Silu);
    // Delete removes the selected curve (select ReLU first, by clicking its name).
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(1).center());
    QCOMPARE(m_window->model()->selectedCurve(), 1);
    list()->setFocus();
    QTest::keyClick(list(), Qt::Key_Delete);
    QCOMPARE(m_window->model()->rowCount(), 2);
    QCOMPARE(m_window->model()->spec().curves[1].activation, ActivationId::Silu);
    // The last curve stays.
    QTest::keyClick(list(), Qt::Key_Delete);
    QTest::keyClick(list(), Qt::Key_Delete);
    QCOMPARE(m_window->model()->rowCount(), 1);
}

void TestCurveList::selectingARowPutsItsParameterOnTheSlider()
{
    QVERIFY(m_window->model()->addCurves({{ActivationId::LeakyRelu, 0.2}, {ActivationId::Gelu, 0.0}})
                .isEmpty());
    SliderSpinBox *parameter = m_window->controls()->alphaControl();
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(1).center());
    QCOMPARE(parameter->value(), 0.2);
    QVERIFY(parameter->isEnabled());
    QCOMPARE(m_window->controls()->parameterLabel()->text(), QStringLiteral("&Negative slope (s):"));
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(2).center());
    QVERIFY(!parameter->isEnabled()); // GELU has none
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(0).center());
    QCOMPARE(parameter->value(), 1.0);
    QCOMPARE(m_window->controls()->parameterLabel()->text(), QStringLiteral("&Alpha (α):"));
    // The note follows the selection too.
    QVERIFY(m_window->continuityText().startsWith(QStringLiteral("α = 1: ELU′")));
}

void TestCurveList::draggingTheSliderMovesOnlyTheSelectedCurve()
{
    QVERIFY(m_window->model()->addCurves({{ActivationId::Elu, 2.0}, {ActivationId::Relu, 0.0}})
                .isEmpty());
    QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, rowRect(1).center());
    QSlider *slider = m_window->controls()->alphaControl()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    const elu::PlotSpec &spec = m_window->model()->spec();
    QCOMPARE(spec.curves[0].parameter, 1.0); // the first ELU stays
    QVERIFY(spec.curves[1].parameter > 2.0);
    m_window->plotView()->refresh();
    const PlotView::PlottedData moved = m_window->plotView()->plottedData(1);
    for (qsizetype i = 0; i < moved.x.size(); ++i)
        QCOMPARE(moved.y[i], elu::value(moved.x[i], spec.curves[1].parameter));
}

void TestCurveList::eightCurvesAtMost()
{
    QSignalSpy notes(m_window->curveList(), &CurveListWidget::note);
    QMenu *menu = m_window->curveList()->addButton()->menu();
    for (int activation = 0; activation < 7; ++activation)
        menu->actions()[activation == 2 ? 11 : activation]->trigger(); // skip ELU: already there
    QCOMPARE(m_window->model()->rowCount(), 8);
    QVERIFY(!m_window->curveList()->addButton()->isEnabled());
    QVERIFY(!m_window->curveList()->familyButton()->isEnabled());
    menu->actions()[8]->trigger(); // a ninth is refused with a note
    QCOMPARE(m_window->model()->rowCount(), 8);
    QCOMPARE(notes.count(), 1);
    QVERIFY(notes.last().first().toString().contains(QStringLiteral("1 to 8 curves")));
}

void TestCurveList::recolouredCurveIsDrawnInItsColour()
{
    QVERIFY(m_window->model()->addCurves({{ActivationId::Relu, 0.0}}).isEmpty());
    QVERIFY(m_window->model()->setCurveColour(1, 0x123456u));
    const QColor swatch =
        list()->model()->index(1, 0).data(Qt::DecorationRole).value<QColor>();
    QCOMPARE(swatch, QColor(0x12, 0x34, 0x56));
    // Drawn: the figure of the window has that colour's pixels.
    m_window->plotView()->refresh();
    const QImage image = m_window->plotView()->grab().toImage();
    bool found = false;
    for (int y = 0; y < image.height() && !found; ++y) {
        for (int x = 0; x < image.width() && !found; ++x)
            found = image.pixelColor(x, y) == QColor(0x12, 0x34, 0x56);
    }
    QVERIFY(found);
}

QTEST_MAIN(TestCurveList)
#include "tst_curvelist.moc"
