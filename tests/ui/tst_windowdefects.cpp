// SPDX-License-Identifier: MIT
// Defects a new user found in the window (issue 15, items 1–6), each pinned by a test that
// failed before its fix.
#include "figureexportdialog.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "parametercontrols.h"
#include "plotview.h"
#include "sliderspinbox.h"
#include "windowsupport.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTimer>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class TestWindowDefects : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void exportShortcutsWorkWhereverTheFocusIs_data();
    void exportShortcutsWorkWhereverTheFocusIs();
    void pixelBudgetIsCheckedInTheDialog_data();
    void pixelBudgetIsCheckedInTheDialog();
    void failedFigureOptionsAreNotKept();
    void suffixOfTheChosenType_data();
    void suffixOfTheChosenType();
    void fileLabelShowsAMnemonicNotAnAmpersand();
    void titleDoesNotRepeatTheAppName();
    void exactValuesFitTheSpinBoxAndTheNoteDoesNotShift();
    void longExportRunsOffTheGuiThreadAndCancels();
    void longExportCompletes();
    void figureAsLatexFromTheWindow();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestWindowDefects::init()
{
    QVERIFY(testsupport::openWindow(m_settings, m_window,
                                    m_dir.filePath(QStringLiteral("w.ini")),
                                    QSize(1100, 760), true));
}

void TestWindowDefects::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestWindowDefects::exportShortcutsWorkWhereverTheFocusIs_data()
{
    QTest::addColumn<QString>("focus");
    QTest::newRow("alpha spin box after typing") << "alpha";
    QTest::newRow("x min spin box") << "xmin";
    QTest::newRow("points spin box") << "points";
    QTest::newRow("slider") << "slider";
}

void TestWindowDefects::exportShortcutsWorkWhereverTheFocusIs()
{
    QFETCH(QString, focus);
    ParameterControls *controls = m_window->controls();
    QWidget *target = focus == QLatin1String("alpha")  ? controls->alphaControl()->spinBox()
                      : focus == QLatin1String("xmin") ? controls->xminControl()->spinBox()
                      : focus == QLatin1String("points")
                          ? static_cast<QWidget *>(controls->pointsControl())
                          : static_cast<QWidget *>(controls->alphaControl()->slider());
    target->setFocus();
    if (auto *edit = target->findChild<QLineEdit *>()) {
        edit->selectAll();
        QTest::keyClicks(edit, focus == QLatin1String("points") ? QStringLiteral("500")
                                                               : QStringLiteral("0.75"));
    }
    int asked = 0;
    m_window->setSavePathPrompt([&](const QString &, const QString &, const QString &) {
        ++asked;
        return QString(); // cancel: the point is that the dialog was asked for
    });
    QWidget *focused = QApplication::focusWidget();
    QVERIFY(focused);
    QTest::keyClick(focused, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(asked, 1);
    QTest::keyClick(focused, Qt::Key_E, Qt::ControlModifier | Qt::AltModifier); // Export all
    QCOMPARE(asked, 2);
}

void TestWindowDefects::pixelBudgetIsCheckedInTheDialog_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("side");
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("saveable");
    QTest::newRow("png 10000 x8") << "f.png" << 10000 << 8.0 << false;
    QTest::newRow("png 5001 x2") << "f.png" << 5001 << 2.0 << false;
    QTest::newRow("png 5000 x2") << "f.png" << 5000 << 2.0 << true;
    QTest::newRow("svg 10000 x8: no pixels") << "f.svg" << 10000 << 8.0 << true;
    QTest::newRow("pdf 10000 x8") << "f.pdf" << 10000 << 8.0 << true;
    QTest::newRow("unknown suffix") << "f.gif" << 800 << 1.0 << false;
}

void TestWindowDefects::pixelBudgetIsCheckedInTheDialog()
{
    QFETCH(QString, file);
    QFETCH(int, side);
    QFETCH(double, scale);
    QFETCH(bool, saveable);
    FigureExportDialog dialog(m_dir.filePath(file), {800, 600, 1.0, elu::FigureTheme::Light});
    const QList<QSpinBox *> sides = dialog.findChildren<QSpinBox *>();
    QCOMPARE(sides.size(), 2);
    for (QSpinBox *box : sides)
        box->setValue(side);
    dialog.findChild<QDoubleSpinBox *>()->setValue(scale);
    QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QCOMPARE(save->isEnabled(), saveable);
    QLabel *problem = nullptr;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->accessibleName() == QLatin1String("Why the figure cannot be saved"))
            problem = label;
    }
    QVERIFY(problem);
    QCOMPARE(problem->text().isEmpty(), saveable);
    if (!saveable && file.endsWith(QLatin1String(".png")))
        QVERIFY2(problem->text().contains(QStringLiteral("100 million")), qPrintable(problem->text()));
}

void TestWindowDefects::failedFigureOptionsAreNotKept()
{
    QList<elu::FigureOptions> offered;
    int call = 0;
    m_window->setFigurePrompt([&](const MainWindow::FigureRequest &suggested) {
        offered << suggested.options;
        // First a failing export (an unknown format), with unusual options.
        const bool first = call++ == 0;
        return MainWindow::FigureRequest{
            m_dir.filePath(first ? QStringLiteral("f.gif") : QStringLiteral("f.png")),
            first ? elu::FigureOptions{1234, 567, 3.0, elu::FigureTheme::Dark}
                  : elu::FigureOptions{400, 300, 1.0, elu::FigureTheme::Light}};
    });
    QAction *exportFigure = m_window->findChild<QAction *>(QStringLiteral("exportFigureAction"));
    exportFigure->trigger();
    for (QWidget *top : QApplication::topLevelWidgets()) { // close the failure's dialog
        if (top != m_window.get() && top->isVisible())
            top->close();
    }
    exportFigure->trigger();
    exportFigure->trigger();
    QCOMPARE(offered.size(), 3);
    QCOMPARE(offered[1].width, 800); // the failed 1234 × 567 was not kept
    QCOMPARE(offered[2].width, 400); // the successful one was
}

void TestWindowDefects::suffixOfTheChosenType_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("written");
    QTest::newRow("csv chosen, no suffix") << "/d/mydata" << "CSV data (*.csv)" << "/d/mydata.csv";
    QTest::newRow("json chosen, no suffix") << "/d/mydata" << "JSON data (*.json)" << "/d/mydata.json";
    QTest::newRow("typed suffix wins") << "/d/mydata.json" << "CSV data (*.csv)" << "/d/mydata.json";
    QTest::newRow("a dot in the name") << "/d/elu-alpha-0.5" << "CSV data (*.csv)"
                                       << "/d/elu-alpha-0.5.csv";
    QTest::newRow("cancelled") << "" << "CSV data (*.csv)" << "";
}

void TestWindowDefects::suffixOfTheChosenType()
{
    QFETCH(QString, typed);
    QFETCH(QString, filter);
    QFETCH(QString, written);
    QCOMPARE(MainWindow::withSuffixOfFilter(typed, filter), written);
}

void TestWindowDefects::fileLabelShowsAMnemonicNotAnAmpersand()
{
    FigureExportDialog dialog(m_dir.filePath(QStringLiteral("f.png")), elu::FigureOptions{});
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("File")))
            QVERIFY(qobject_cast<QLineEdit *>(label->buddy())); // "&F" is a mnemonic
    }
}

void TestWindowDefects::titleDoesNotRepeatTheAppName()
{
    // Qt appends the application's display name itself.
    QCOMPARE(m_window->windowTitle(), QStringLiteral("ELU, α = 1"));
}

void TestWindowDefects::exactValuesFitTheSpinBoxAndTheNoteDoesNotShift()
{
    NumberSpinBox *alpha = m_window->controls()->alphaControl()->spinBox();
    alpha->setValue(1.6732632423543772);
    QLineEdit *edit = alpha->findChild<QLineEdit *>();
    QCOMPARE(edit->text(), QStringLiteral("1.6732632423543772"));
    QVERIFY2(edit->width() >= edit->fontMetrics().horizontalAdvance(edit->text()),
             qPrintable(QStringLiteral("%1 px for %2 px of text")
                            .arg(edit->width())
                            .arg(edit->fontMetrics().horizontalAdvance(edit->text()))));
    // The controls stay where they are whatever the note's length.
    QWidget *slider = m_window->controls()->alphaControl()->slider();
    const int before = slider->mapTo(m_window.get(), QPoint()).y();
    m_window->model()->setCurveParameter(0.5); // a long note
    QTest::qWait(20);
    const int after = slider->mapTo(m_window.get(), QPoint()).y();
    QCOMPARE(after, before);
}

void TestWindowDefects::longExportRunsOffTheGuiThreadAndCancels()
{
    QVERIFY(m_window->model()->setPoints(10'000'000));
    const QString folder = m_dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/big.json");
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly) && old.write("precious") == 8);
    old.close();
    m_window->setSavePathPrompt(
        [&](const QString &, const QString &, const QString &) { return path; });

    // While the export runs, the event loop keeps going: timers fire, and the progress dialog's
    // Cancel (clicked for real) stops it.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start(20);
    // Cancel is clicked once the dialog shows and the ticker has fired ten times: the export of
    // 10⁷ points takes about 600 ms on a quiet 2-core machine, so a fixed delay of that order
    // could come after its end.
    bool clicked = false;
    QTimer canceller;
    connect(&canceller, &QTimer::timeout, this, [&] {
        for (QProgressDialog *dialog : m_window->findChildren<QProgressDialog *>()) {
            if (clicked || ticks < 10 || !dialog->isVisible())
                continue;
            QPushButton *cancel = dialog->findChild<QPushButton *>();
            QVERIFY(cancel);
            QTest::mouseClick(cancel, Qt::LeftButton);
            clicked = true;
        }
    });
    canceller.start(10);
    QElapsedTimer clock;
    clock.start();
    m_window->findChild<QAction *>(QStringLiteral("exportDataAction"))->trigger();
    QVERIFY2(clicked, "the progress dialog was shown");
    QVERIFY2(ticks >= 10, qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(clock.elapsed())));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("big.json")});
    QFile kept(path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("precious"));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->findChildren<QMessageBox *>().isEmpty()); // a cancel is no error
}

void TestWindowDefects::longExportCompletes()
{
    QVERIFY(m_window->model()->setPoints(2'000'000));
    const QString path = m_dir.filePath(QStringLiteral("whole.csv"));
    QVERIFY(m_window->exportDataTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!file.atEnd()) {
        file.readLine();
        ++lines;
    }
    QCOMPARE(lines, 2'000'001);
}

void TestWindowDefects::figureAsLatexFromTheWindow()
{
    QVERIFY(m_window->model()->addCurves({{elu::ActivationId::Relu, 0.0}}).isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("fig.tex"));
    m_window->setFigurePrompt([&](const MainWindow::FigureRequest &) {
        return MainWindow::FigureRequest{path, {400, 300, 1.0, elu::FigureTheme::Light}};
    });
    m_window->findChild<QAction *>(QStringLiteral("exportFigureAction"))->trigger();
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray tex = file.readAll();
    QVERIFY(tex.contains("\\begin{tikzpicture}"));
    QVERIFY(tex.contains("\\end{tikzpicture}"));
    QVERIFY(tex.contains("{HTML}{0072B2}")); // the window's colours
    QVERIFY(tex.contains("400pt"));          // the figure's size
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("fig.tex")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestWindowDefects)
#include "tst_windowdefects.moc"
