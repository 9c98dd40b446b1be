// SPDX-License-Identifier: MIT
#pragma once

#include <QIODevice>

#include <atomic>
#include <functional>

namespace elu {

/// What a caller may ask of a long write: to learn how far it got, and to stop it. A stopped
/// write fails like a full disk does, so the file is left as it was.
struct WriteControl
{
    /// Set (from any thread) to make the next write fail.
    const std::atomic<bool> *cancelled = nullptr;
    /// Called from the writing thread with the bytes written so far.
    std::function<void(qint64 bytesWritten)> progress;
};

/// A write-only device in front of `target` that counts bytes for WriteControl::progress and
/// refuses writes once WriteControl::cancelled is set.
class ControlledDevice : public QIODevice
{
public:
    ControlledDevice(QIODevice &target, const WriteControl &control);

    bool wasCancelled() const { return m_cancelled; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QIODevice &m_target;
    const WriteControl &m_control;
    qint64 m_written = 0;
    bool m_cancelled = false;
};

} // namespace elu
