// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace elu {

/// Formats items [0, count) as text on every core, `chunkSize` items per task, and passes the
/// text to `sink` in item order, so it never holds more than one chunk per core. When no thread
/// can be started, the calling thread formats every chunk.
/// `format(begin, end, std::string &out)` appends the text of items [begin, end) to `out`.
/// `sink(const std::string &)` returns false to stop; the function then returns false.
template<class Format, class Sink>
bool formatInOrder(qint64 count, qint64 chunkSize, Format format, Sink sink)
{
    const unsigned hardwareThreads = std::max(1u, std::thread::hardware_concurrency());
    const qint64 chunkCount = (count + chunkSize - 1) / chunkSize;
    const std::size_t batchSize =
        std::min<std::size_t>(std::min(hardwareThreads, 16u), static_cast<std::size_t>(chunkCount));
    std::vector<std::string> buffers(std::max<std::size_t>(batchSize, 1));

    for (qint64 batchStart = 0; batchStart < chunkCount; batchStart += qint64(batchSize)) {
        const std::size_t inBatch =
            static_cast<std::size_t>(std::min<qint64>(qint64(batchSize), chunkCount - batchStart));
        auto formatChunk = [&](std::size_t slot) {
            const qint64 begin = (batchStart + qint64(slot)) * chunkSize;
            buffers[slot].clear();
            format(begin, std::min(count, begin + chunkSize), buffers[slot]);
        };
        {
            std::vector<std::jthread> workers;
            workers.reserve(inBatch);
            std::size_t started = 1;
            try {
                for (; started < inBatch; ++started)
                    workers.emplace_back(formatChunk, started);
            } catch (const std::system_error &) {
                // No thread to be had (a process limit): this thread formats the rest itself.
                for (std::size_t slot = started; slot < inBatch; ++slot)
                    formatChunk(slot);
            }
            formatChunk(0);
        }
        for (std::size_t slot = 0; slot < inBatch; ++slot) {
            if (!sink(buffers[slot]))
                return false;
        }
    }
    return true;
}

} // namespace elu
