// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QObject>
#include <QTextStream>
#include <QTimer>

/// Quits the application once `watched` has painted its first frame (for startup benchmarks),
/// printing "peak-rss-kb N" on standard output: the process's peak resident memory since it
/// started this program (VmHWM). The rusage a parent gets from wait4 is no measure of it: it
/// also counts the parent's own memory, which the child shared until its exec.
class FirstFrameWatcher : public QObject
{
    Q_OBJECT

public:
    explicit FirstFrameWatcher(QObject *watched)
        : QObject(watched)
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After this paint completes, not before.
            QTimer::singleShot(0, qApp, [] {
                QTextStream(stdout) << "peak-rss-kb " << peakResidentKilobytes() << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    static qint64 peakResidentKilobytes()
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
            return -1;
        for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
        return -1;
    }

    bool m_seen = false;
};
