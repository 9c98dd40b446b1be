// SPDX-License-Identifier: MIT
#include "animationprocess.h"

#include "plotspec.h"
#include "sessionfile.h"

#include <QCloseEvent>
#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

namespace {

// QProgressDialog hides itself on Cancel, Escape or its close button, which would give the
// window back while the renderer still runs: this one only asks to stop, and stays until the
// renderer has ended.
class RendererProgress : public QProgressDialog
{
public:
    RendererProgress(const QString &label, int frames, QWidget *parent)
        : QProgressDialog(label, QObject::tr("Cancel"), 0, frames, parent)
    {
        // Qt made this connection with SIGNAL/SLOT strings, which only strings undo.
        disconnect(this, SIGNAL(canceled()), this, SLOT(cancel()));
        // The Cancel button emits canceled() itself; Escape and closing come through here.
        connect(this, &QProgressDialog::canceled, this, &RendererProgress::showCancelling);
    }

    bool cancelRequested() const { return m_cancelRequested; }

    void reject() override { requestCancel(); }

protected:
    void closeEvent(QCloseEvent *event) override
    {
        event->ignore();
        requestCancel();
    }

private:
    void requestCancel()
    {
        if (!m_cancelRequested)
            emit canceled();
    }
    void showCancelling()
    {
        m_cancelRequested = true;
        setLabelText(tr("Cancelling…"));
        if (auto *button = findChild<QPushButton *>())
            button->setEnabled(false);
    }

    bool m_cancelRequested = false;
};

} // namespace

QStringList animationArguments(const QString &sessionPath, int curve,
                               const AnimationRequest &request)
{
    const elu::ParameterSweep &sweep = request.sweep;
    const elu::FigureOptions &figure = request.figure;
    QStringList arguments{
        QStringLiteral("--session"), sessionPath,
        QStringLiteral("--animate"),
        QStringLiteral("%1=%2:%3").arg(sweep.keyword, elu::formatNumber(sweep.from),
                                       elu::formatNumber(sweep.to)),
        QStringLiteral("--animate-curve"), QString::number(curve + 1),
        QStringLiteral("--frames"), QString::number(sweep.frames),
        QStringLiteral("--duration"), elu::formatNumber(sweep.duration),
        QStringLiteral("--width"), QString::number(figure.width),
        QStringLiteral("--height"), QString::number(figure.height),
        QStringLiteral("--scale"), elu::formatNumber(figure.scale),
        QStringLiteral("--theme"), elu::themeName(figure.theme),
        QStringLiteral("--") + animationSuffix(request.format),
        request.path,
        QStringLiteral("--progress")};
    if (sweep.repeat == elu::SweepRepeat::Bounce)
        arguments << QStringLiteral("--bounce");
    return arguments;
}

AnimationOutcome renderAnimation(QWidget *parent, const QString &program,
                                 const elu::Session &session, int curve,
                                 const AnimationRequest &request)
{
    AnimationOutcome outcome;
    const QTemporaryDir folder;
    const QString sessionPath = folder.filePath(QStringLiteral("animation.elusession"));
    if (const elu::WriteResult saved = elu::saveSession(sessionPath, session); saved) {
        outcome.error = saved->message();
        return outcome;
    }

    RendererProgress progress(QObject::tr("Drawing %1 frames of %2…")
                                  .arg(request.sweep.frames)
                                  .arg(QDir::toNativeSeparators(request.path)),
                              request.sweep.frames, parent);
    progress.setWindowTitle(QObject::tr("Export Animation"));
    // Shown at once and until the renderer ends: while it runs, the window must take no input
    // (a second export, closing the window), and this loop is the only thing running.
    progress.setWindowModality(Qt::WindowModal);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    progress.setMinimumDuration(0);
    progress.setValue(0);

    QProcess renderer;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    renderer.setProcessEnvironment(environment);
    QStringList messages;
    QByteArray pending;
    static const QRegularExpression frameLine(QStringLiteral("^progress (\\d+) (\\d+)$"));
    QObject::connect(&renderer, &QProcess::readyReadStandardError, &progress, [&] {
        pending += renderer.readAllStandardError();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end)).trimmed();
            pending.remove(0, end + 1);
            const QRegularExpressionMatch match = frameLine.match(line);
            if (match.hasMatch()) {
                if (progress.cancelRequested())
                    continue; // the frame it was drawing when asked to stop
                progress.setLabelText(QObject::tr("Frame %1 of %2 of %3…")
                                          .arg(match.captured(1), match.captured(2),
                                               QDir::toNativeSeparators(request.path)));
                progress.setValue(match.captured(1).toInt());
            }
            else if (!line.isEmpty())
                messages << line.section(QStringLiteral("elu-explorer: "), -1);
        }
    });
    // SIGTERM lets the renderer stop cleanly after its frame; one stuck for 5 s is killed, and
    // its unnamed temporary file goes with it.
    QTimer killer;
    killer.setSingleShot(true);
    QObject::connect(&killer, &QTimer::timeout, &renderer, &QProcess::kill);
    QObject::connect(&progress, &QProgressDialog::canceled, &renderer, [&] {
        outcome.cancelled = true;
        renderer.terminate();
        killer.start(5000);
    });
    QEventLoop loop;
    QObject::connect(&renderer, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&renderer, &QProcess::errorOccurred, &loop,
                     [&](QProcess::ProcessError error) {
                         if (error == QProcess::FailedToStart)
                             loop.quit();
                     });
    renderer.start(program, animationArguments(sessionPath, curve, request));
    if (renderer.state() != QProcess::NotRunning) // FailedToStart can come from start() itself
        loop.exec();
    progress.hide();
    if (parent) // the keyboard goes back to the window, for its shortcuts
        parent->activateWindow();
    if (renderer.error() != QProcess::FailedToStart)
        pending += renderer.readAllStandardError();
    if (!pending.trimmed().isEmpty())
        messages << QString::fromUtf8(pending).trimmed().section(QStringLiteral("elu-explorer: "), -1);

    if (renderer.error() == QProcess::FailedToStart) {
        outcome.error = QObject::tr("the renderer %1 could not be started: %2")
                            .arg(QDir::toNativeSeparators(program), renderer.errorString());
        return outcome;
    }
    // A Cancel that came after the last frame was written changes nothing: the file is there.
    outcome.written = renderer.exitStatus() == QProcess::NormalExit && renderer.exitCode() == 0;
    outcome.cancelled = outcome.cancelled && !outcome.written;
    if (!outcome.written && !outcome.cancelled)
        outcome.error = messages.isEmpty() ? QObject::tr("the renderer stopped (exit status %1)")
                                                 .arg(renderer.exitCode())
                                           : messages.join(QLatin1Char('\n'));
    return outcome;
}
