// SPDX-License-Identifier: MIT
#include "animationwriter.h"

#include "animationencoder.h"
#include "animationframes.h"
#include "gifencoder.h"
#include "plotspec.h"
#include "safefilewriter.h"
#include "webpencoder.h"

#include <QFileInfo>
#include <QImage>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

QString animationSuffix(AnimationFormat format)
{
    return format == AnimationFormat::Gif ? QStringLiteral("gif") : QStringLiteral("webp");
}

std::optional<AnimationFormat> animationFormatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gif"))
        return AnimationFormat::Gif;
    if (suffix == QLatin1String("webp"))
        return AnimationFormat::Webp;
    return std::nullopt;
}

namespace {

// Frames drawn on the caller's thread wait here for the encoding thread; two at most, so that
// drawing never runs far ahead of encoding (each 800×600 frame is 1.9 MB).
class FrameQueue
{
public:
    struct Item
    {
        QImage image;
        int durationMs = 0;
    };

    void push(Item item)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_items.size() < 2; });
        m_items.push_back(std::move(item));
        m_changed.notify_all();
    }
    std::optional<Item> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return std::nullopt;
        Item item = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return item;
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    bool m_closed = false;
};

std::unique_ptr<elu::AnimationEncoder> makeEncoder(AnimationFormat format, QSize size,
                                                   const std::vector<quint32> &colours)
{
    if (format == AnimationFormat::Gif)
        return elu::makeGifEncoder(size.width(), size.height(), colours);
    return elu::makeWebpEncoder(size.width(), size.height());
}

} // namespace

std::vector<elu::WriteResult> saveAnimations(const std::vector<AnimationTarget> &targets,
                                             AnimationFrames &frames,
                                             const AnimationProgress &progress)
{
    std::vector<std::unique_ptr<elu::AnimationEncoder>> encoders;
    for (const AnimationTarget &target : targets)
        encoders.push_back(makeEncoder(target.format, frames.pixelSize(), frames.drawnColours()));
    // Why each target failed, empty while it has not; written by the encoding thread until it
    // is joined, read by this one only after.
    std::vector<QString> failures(targets.size());
    std::atomic<int> failedCount = 0;

    FrameQueue queue;
    std::thread encoding([&] {
        while (const std::optional<FrameQueue::Item> item = queue.pop()) {
            const elu::FramePixels pixels{item->image.width(), item->image.height(),
                                          item->image.bytesPerLine(), item->image.constBits()};
            for (std::size_t t = 0; t < encoders.size(); ++t) {
                if (!failures[t].isEmpty())
                    continue;
                bool added = false;
                try { // no exception may leave the thread: that would end the process
                    added = encoders[t]->addFrame(pixels, item->durationMs);
                } catch (...) {
                }
                if (!added) {
                    failures[t] = encoders[t]->error().isEmpty() ? QStringLiteral("out of memory")
                                                                 : encoders[t]->error();
                    ++failedCount;
                }
            }
        }
    });
    const int total = frames.count();
    const int targetCount = int(targets.size());
    bool cancelled = false;
    QString drawingFailure;
    int drawn = 0;
    try {
        for (int k = 0; k < total && !cancelled && failedCount < targetCount; ++k) {
            QImage image = frames.frame(k);
            if (image.isNull()) {
                drawingFailure = QStringLiteral("frame %1 (%2 = %3) could not be drawn")
                                     .arg(k + 1)
                                     .arg(frames.keyword(), elu::formatNumber(frames.value(k)));
                break;
            }
            queue.push({std::move(image), frames.durationMs(k)});
            drawn = k + 1;
            cancelled = progress && !progress(drawn, total);
        }
    } catch (...) {
        drawingFailure = QStringLiteral("out of memory");
    }
    queue.close();
    encoding.join();
    // A cancel that comes while the last frames are encoded still writes nothing.
    if (!cancelled && drawn == total && progress)
        cancelled = !progress(total, total);

    std::vector<elu::WriteResult> results;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const QString &path = targets[t].path;
        // A target's own failure first: it is what the user must fix.
        const QString failure = !failures[t].isEmpty()   ? failures[t]
                                : !drawingFailure.isEmpty() ? drawingFailure
                                : cancelled                 ? QStringLiteral("cancelled")
                                                            : QString();
        if (!failure.isEmpty()) {
            results.push_back(elu::WriteError{path, failure});
            continue;
        }
        const QByteArray bytes = encoders[t]->finish();
        if (bytes.isEmpty()) {
            results.push_back(elu::WriteError{path, encoders[t]->error()});
            continue;
        }
        results.push_back(elu::writeFileAtomically(path, [&](QIODevice &device) {
            return device.write(bytes) == bytes.size();
        }));
    }
    return results;
}
