// SPDX-License-Identifier: MIT
#include "animationwriter.h"

#include "animationencoder.h"
#include "animationframes.h"
#include "gifencoder.h"
#include "safefilewriter.h"
#include "webpencoder.h"

#include <QFileInfo>
#include <QImage>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

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
    std::vector<bool> failed(targets.size(), false);

    FrameQueue queue;
    std::thread encoding([&] {
        while (const std::optional<FrameQueue::Item> item = queue.pop()) {
            const elu::FramePixels pixels{item->image.width(), item->image.height(),
                                          item->image.bytesPerLine(), item->image.constBits()};
            for (std::size_t t = 0; t < encoders.size(); ++t) {
                if (!failed[t] && !encoders[t]->addFrame(pixels, item->durationMs))
                    failed[t] = true;
            }
        }
    });
    bool cancelled = false;
    for (int k = 0; k < frames.count() && !cancelled; ++k) {
        QImage image = frames.frame(k);
        queue.push({std::move(image), frames.durationMs(k)});
        cancelled = progress && !progress(k + 1, frames.count());
    }
    queue.close();
    encoding.join();

    std::vector<elu::WriteResult> results;
    for (std::size_t t = 0; t < targets.size(); ++t) {
        const QString &path = targets[t].path;
        if (cancelled) {
            results.push_back(elu::WriteError{path, QStringLiteral("cancelled")});
            continue;
        }
        const QByteArray bytes = failed[t] ? QByteArray() : encoders[t]->finish();
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
