#pragma once
// Per-tensor round-trip error of the planned format, computed in the background for the tensor tree; for a
// tensor with calibrated weights attached (PlanCalibration), the error of those weights instead.
//
// Whenever the plan changes (debounced by 50 ms) the service cancels the running job and starts one for
// every tensor whose planned format (GGUF type or scheme override) differs from the stored type and is not
// in the cache yet. The job runs on the service's own single-thread QThreadPool, checks cancellation
// between tensors, and posts each result as a value to the UI thread; results of a superseded job
// (generation counter) are dropped. Results are cached by (tensor, format name) for the model's lifetime,
// so undo/redo shows known values at once. A tensor kept as stored is exact (SQNR +Inf, relative error 0)
// without any work. Figures: qx::compareTensors of the dequantized weights and their round trip
// (ui::roundTrip, the bit-exact quantizers or the scheme's fake quantization). Destruction cancels and waits.

#include "io/model_file.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace qx::ui {

class PlanDocument;

struct PlannedError {
    double sqnrDb = 0.0;          ///< dB; +Inf when exact
    double relativeError = 0.0;   ///< ||e|| / ||x||
    bool exact = false;           ///< kept as stored: nothing is lost
    bool failed = false;          ///< the format cannot hold the tensor (or it cannot be read)
    bool calibrated = false;      ///< measured on the calibrated weights attached to the plan
    bool operator==(const PlannedError&) const = default;
};

class PlanErrorService : public QObject {
    Q_OBJECT
public:
    explicit PlanErrorService(QObject* parent = nullptr);
    ~PlanErrorService() override;

    /// Follows `document`'s plan (nullptr stops). The document must outlive the service or be reset first.
    void setDocument(PlanDocument* document);
    /// The error of ModelFile::tensors[tensorIndex] in its planned format, or nullopt while unknown.
    std::optional<PlannedError> errorOf(int tensorIndex) const;
    /// Tensors still to be computed by the running job.
    int pendingCount() const { return m_pending; }
    bool isBusy() const { return m_pending > 0 || m_debounce.isActive(); }
    /// Stops the running job; its remaining results are dropped.
    void cancel();
    /// Blocks until the worker thread is idle.
    void waitForIdle() { m_pool.waitForDone(); }

signals:
    /// New values for these ModelFile tensor indexes.
    void errorsChanged(const QList<int>& tensorIndexes);
    /// The running job finished (or was cancelled) and nothing is pending.
    void idle();

private:
    struct Key {
        int tensor;
        std::string format;
        auto operator<=>(const Key&) const = default;
    };
    void refresh();
    std::string formatKeyOf(int tensorIndex) const;
    void accept(quint64 generation, int tensorIndex, const std::string& format, const PlannedError& value);
    void jobDone(quint64 generation);

    PlanDocument* m_document = nullptr;
    std::shared_ptr<const ModelFile> m_model;
    std::map<Key, PlannedError> m_cache;
    QThreadPool m_pool;
    QTimer m_debounce;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;
    int m_pending = 0;
};

} // namespace qx::ui
