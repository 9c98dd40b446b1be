// SPDX-License-Identifier: MIT
// Export Animation in the window: the dialog's checks, and the headless renderer driven through
// the real action, with its progress dialog and Cancel.
#include "animationexportdialog.h"
#include "catalogue.h"
#include "filesupport.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "playcontrols.h"
#include "windowsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using testsupport::contentsOf;

namespace {

const elu::ActivationParameter &eluAlpha()
{
    return *elu::activation(elu::ActivationId::Elu).parameter;
}

AnimationRequest request(const QString &path, AnimationFormat format, int frames,
                         elu::FigureOptions figure = {400, 300, 1.0, elu::FigureTheme::Light})
{
    AnimationRequest r;
    r.path = path;
    r.format = format;
    r.figure = figure;
    r.sweep = {QStringLiteral("alpha"), 0.1, 3.0, frames, 3.0, elu::SweepRepeat::Loop};
    return r;
}

} // namespace

class TestAnimationExport : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(testsupport::openWindow(m_settings, m_window,
                                        m_dir.filePath(QStringLiteral("w.ini")),
                                        QSize(1000, 700), true));
        m_window->setAnimationRenderer(QStringLiteral(ELU_EXPLORER_BINARY));
    }
    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void dialogSaysWhyItCannotSave_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("theme");
        QTest::addColumn<int>("frames"); // in 1 s
        QTest::addColumn<double>("to");
        QTest::addColumn<QString>("problemPart"); // empty: Save is enabled
        const int gif = int(AnimationFormat::Gif), webp = int(AnimationFormat::Webp);
        const int light = int(elu::FigureTheme::Light);
        const int transparent = int(elu::FigureTheme::Transparent);
        QTest::newRow("gif") << "a.gif" << gif << light << 20 << 3.0 << "";
        QTest::newRow("webp, transparent") << "a.webp" << webp << transparent << 50 << 3.0 << "";
        QTest::newRow("webp, 51 frames in 1 s") << "a.webp" << webp << light << 51 << 3.0
                                                << "at most 50 frames";
        QTest::newRow("ends a ULP apart") << "a.webp" << webp << light << 50
                                          << std::nextafter(0.1, 1.0) << "must differ";
        QTest::newRow("no suffix") << "a" << gif << light << 20 << 3.0 << "must end in .gif";
        QTest::newRow("suffix and format differ") << "a.webp" << gif << light << 20 << 3.0
                                                  << "ends in .webp";
        QTest::newRow("gif, transparent") << "a.gif" << gif << transparent << 20 << 3.0
                                          << "no partial transparency";
        QTest::newRow("gif, 50 frames in 1 s") << "a.gif" << gif << light << 50 << 3.0 << "";
        QTest::newRow("gif, 51 frames in 1 s") << "a.gif" << gif << light << 51 << 3.0
                                               << "at most 50 frames";
        QTest::newRow("ends equal") << "a.gif" << gif << light << 20 << 0.1 << "must differ";
    }
    void dialogSaysWhyItCannotSave()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QFETCH(int, theme);
        QFETCH(int, frames);
        QFETCH(double, to);
        QFETCH(QString, problemPart);
        AnimationRequest suggested = request(file, AnimationFormat(format), frames,
                                             {800, 600, 1.0, elu::FigureTheme(theme)});
        suggested.sweep.to = to;
        suggested.sweep.duration = 1.0;
        AnimationExportDialog dialog(suggested, eluAlpha());
        QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QCOMPARE(save->isEnabled(), problemPart.isEmpty());
        QVERIFY2(dialog.problem().contains(problemPart), qPrintable(dialog.problem()));
        if (problemPart.isEmpty()) {
            const AnimationRequest answered = dialog.request();
            QCOMPARE(answered.path, file);
            QCOMPARE(int(answered.format), format);
            QCOMPARE(answered.sweep.frames, frames);
            QCOMPARE(answered.sweep.keyword, QStringLiteral("alpha"));
        }
    }

    // The window's check: no frame's value may make two curves the same.
    void sweepCheckDisablesSave()
    {
        AnimationExportDialog dialog(request(QStringLiteral("a.gif"), AnimationFormat::Gif, 60),
                                     eluAlpha());
        QPushButton *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isEnabled());
        elu::PlotSpec spec;
        spec.curves = {{elu::ActivationId::Elu, 1.0}, {elu::ActivationId::Elu, 2.0}};
        dialog.setSweepCheck([spec](const elu::ParameterSweep &sweep) {
            return elu::sweepSpecError(spec, 1, sweep);
        });
        auto *frames = [&] {
            for (QSpinBox *box : dialog.findChildren<QSpinBox *>())
                if (box->accessibleName() == QLatin1String("Frames"))
                    return box;
            return static_cast<QSpinBox *>(nullptr);
        }();
        QVERIFY(frames);
        // 0.1 to 3 in 30 frames: step 0.1, so frame 9 is α = 1, ELU's first curve.
        frames->setValue(30);
        QVERIFY(!save->isEnabled());
        QVERIFY2(dialog.problem().contains(QStringLiteral("alpha = 1")), qPrintable(dialog.problem()));
        frames->setValue(60);
        QVERIFY(save->isEnabled());
    }

    void choosingAFormatChangesTheSuffix()
    {
        AnimationExportDialog dialog(request(QStringLiteral("/tmp/sweep.gif"),
                                             AnimationFormat::Gif, 60),
                                     eluAlpha());
        auto *format = dialog.findChild<QComboBox *>();
        QVERIFY(format->accessibleName().contains(QStringLiteral("format")));
        format->setCurrentIndex(format->findData(int(AnimationFormat::Webp)));
        QCOMPARE(dialog.request().path, QStringLiteral("/tmp/sweep.webp"));
        QCOMPARE(dialog.request().format, AnimationFormat::Webp);
        QVERIFY(dialog.problem().isEmpty());
    }

    // The real action (its shortcut), the renderer writing the file the dialog named.
    void shortcutExportsTheSelectedCurvesSweep()
    {
        const QString path = m_dir.filePath(QStringLiteral("sweep.gif"));
        AnimationRequest asked;
        m_window->setAnimationPrompt([&](const AnimationRequest &suggested,
                                         const elu::ActivationParameter &parameter) {
            asked = suggested;
            [&] { QCOMPARE(parameter.keyword, std::string_view("alpha")); }();
            return std::optional(request(path, AnimationFormat::Gif, 12));
        });
        QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 60000);
        // The suggestion: the catalogue's sweep for α, scale 1, a .gif name.
        QCOMPARE(asked.sweep.from, 0.1);
        QCOMPARE(asked.sweep.to, 3.0);
        QCOMPARE(asked.sweep.duration, 3.0);
        QCOMPARE(asked.sweep.repeat, elu::SweepRepeat::Loop);
        QCOMPARE(asked.figure.scale, 1.0);
        QVERIFY2(asked.path.endsWith(QStringLiteral("/elu-alpha-sweep.gif")), qPrintable(asked.path));
        QImageReader reader(path, "gif");
        QCOMPARE(reader.imageCount(), 12);
        QCOMPARE(reader.size(), QSize(400, 300));
        QCOMPARE(reader.loopCount(), -1);
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("12 frames")));
    }

    // What the Play row plays is what the dialog offers.
    void suggestionFollowsThePlayRow()
    {
        PlayControls *play = m_window->playControls();
        play->fromBox()->setValue(0.5);
        play->toBox()->setValue(2.0);
        play->durationBox()->setValue(4.0);
        play->repeatBox()->setCurrentIndex(play->repeatBox()->findData(int(elu::SweepRepeat::Bounce)));
        std::optional<AnimationRequest> asked;
        m_window->setAnimationPrompt([&](const AnimationRequest &suggested,
                                         const elu::ActivationParameter &) {
            asked = suggested;
            return std::optional<AnimationRequest>();
        });
        m_window->findChild<QAction *>(QStringLiteral("exportAnimationAction"))->trigger();
        QVERIFY(asked);
        QCOMPARE(asked->sweep.from, 0.5);
        QCOMPARE(asked->sweep.to, 2.0);
        QCOMPARE(asked->sweep.duration, 4.0);
        QCOMPARE(asked->sweep.repeat, elu::SweepRepeat::Bounce);
        QCOMPARE(asked->sweep.frames, 60);
    }

    void cancelLeavesTheOldFile_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Cancel button") << "button";
        QTest::newRow("Escape") << "escape";
        QTest::newRow("closing the dialog") << "close";
    }
    void cancelLeavesTheOldFile()
    {
        QFETCH(QString, how);
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("long.webp"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old file");
        old.close();
        m_window->setAnimationPrompt([&](const AnimationRequest &, const elu::ActivationParameter &) {
            AnimationRequest thousand = request(path, AnimationFormat::Webp, 1000,
                                                {1600, 1200, 1.0, elu::FigureTheme::Light});
            thousand.sweep.duration = 60.0;
            return std::optional(thousand);
        });
        // The action runs its own event loop until the renderer ends: a timer inside it clicks
        // Cancel once the progress dialog shows a frame drawn.
        bool clicked = false;
        bool stayedUntilTheEnd = false; // the dialog blocks the window until the renderer ends
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *progress = m_window->findChild<QProgressDialog *>();
            if (clicked)
                return;
            if (!progress || !progress->isVisible() || progress->value() < 1)
                return;
            auto *cancel = progress->findChild<QPushButton *>();
            QVERIFY(cancel);
            if (how == QLatin1String("escape"))
                QTest::keyClick(progress, Qt::Key_Escape);
            else if (how == QLatin1String("close"))
                progress->close();
            else
                QTest::mouseClick(cancel, Qt::LeftButton);
            clicked = true;
            stayedUntilTheEnd = progress->isVisible() && !cancel->isEnabled()
                                && progress->labelText().contains(QStringLiteral("Cancelling"));
        });
        poll.start();
        m_window->findChild<QAction *>(QStringLiteral("exportAnimationAction"))->trigger();
        QVERIFY(clicked);
        QVERIFY(stayedUntilTheEnd);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")), 60000);
        QCOMPARE(contentsOf(path), QByteArray("the old file"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList({QStringLiteral("long.webp")}));
    }

    // A renderer that ignores SIGTERM is killed after 5 s: without the kill it would end by
    // itself a minute later, successfully, and the export would say "Saved".
    void aStuckRendererIsKilled()
    {
        QTemporaryDir folder;
        const QString script = folder.filePath(QStringLiteral("stuck.sh"));
        QVERIFY(testsupport::writeBytes(script, "#!/bin/sh\ntrap '' TERM\n"
                                                "echo 'progress 1 10' >&2\nexec sleep 60\n"));
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::ExeOwner));
        m_window->setAnimationRenderer(script);
        m_window->setAnimationPrompt([&](const AnimationRequest &, const elu::ActivationParameter &) {
            return std::optional(
                request(folder.filePath(QStringLiteral("a.gif")), AnimationFormat::Gif, 10));
        });
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *progress = m_window->findChild<QProgressDialog *>();
            if (progress && progress->isVisible() && progress->value() >= 1) {
                poll.stop();
                QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
            }
        });
        poll.start();
        m_window->findChild<QAction *>(QStringLiteral("exportAnimationAction"))->trigger();
        QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void aCurveWithoutParameterIsExplained()
    {
        elu::PlotSpec spec = m_window->model()->spec();
        spec.curves = {{elu::ActivationId::Relu, 0.0}};
        QVERIFY(m_window->model()->setState(spec, {elu::CurveAppearance{}}, 0,
                                            elu::PlotLayout::Overlaid)
                    .isEmpty());
        bool asked = false;
        m_window->setAnimationPrompt([&](const AnimationRequest &, const elu::ActivationParameter &) {
            asked = true;
            return std::optional<AnimationRequest>();
        });
        m_window->findChild<QAction *>(QStringLiteral("exportAnimationAction"))->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) && box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("ReLU has no parameter")),
                 qPrintable(box->text()));
        QVERIFY(!asked);
        box->close();
    }

    void aRendererThatCannotStartIsNamed_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("missing") << m_dir.filePath(QStringLiteral("no-such-renderer"));
        // QProcess refuses an empty program inside start(), before any event loop runs.
        QTest::newRow("empty") << QString();
    }
    void aRendererThatCannotStartIsNamed()
    {
        QFETCH(QString, program);
        m_window->setAnimationRenderer(program);
        const QString path = m_dir.filePath(QStringLiteral("never.gif"));
        m_window->setAnimationPrompt([&](const AnimationRequest &, const elu::ActivationParameter &) {
            return std::optional(request(path, AnimationFormat::Gif, 10));
        });
        m_window->findChild<QAction *>(QStringLiteral("exportAnimationAction"))->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) && box->isVisible());
        QVERIFY2(box->informativeText().contains(QStringLiteral("could not be started")),
                 qPrintable(box->informativeText()));
        QVERIFY(!QFile::exists(path));
        box->close();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestAnimationExport)
#include "tst_animationexport.moc"
