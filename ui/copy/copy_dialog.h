#pragma once

#include "core/transfer/anonymized_copy.h"

#include <QDialog>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace plumb::ui {

class CopyPreviewModel;
class DatabaseChooser;
class MaskingKeyStore;
class SqlEditor;
class Workbench;

// What a preview job brings back: the plan (with what it found unmasked) and ten masked rows
// per table. Immutable once made.
struct CopyPreviewResult {
    transfer::CopyPlan plan;
    transfer::CopyPreview preview;
};

// The Copy dialog: an anonymised copy of one of the workbench's databases into another. A rules
// editor (YAML, in any form `plumb copy --rules` reads), a preview of ten masked rows per table
// before anything is written, then the copy itself, confirmed like any change to a database.
// Work runs in the workbench's jobs; the dialog adopts their results. GUI thread only.
class CopyDialog final : public QDialog {
    Q_OBJECT
public:
    explicit CopyDialog(Workbench* workbench, QWidget* parent = nullptr);
    ~CopyDialog() override;

    CopyPreviewModel* previewModel() const { return m_previewModel; }
    SqlEditor* rulesEditor() const { return m_rules; }

    // Runs the preview job (the Preview button).
    void preview();
    // Confirms and runs the copy job (the Copy button).
    void copy();
    // Runs the confirmed copy as a job.
    void startCopy(const transfer::CopyRequest& wanted, const QString& targetLabel);

signals:
    // A job of the dialog finished (a preview or a copy), successfully or not.
    void finished(bool ok, const QString& summary);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    std::optional<transfer::CopyRequest> request(QString* problem) const;
    void setBusy(bool busy, const QString& what = {});
    void showPlan(const transfer::CopyPlan& plan);
    void showTable(int index);
    void loadRules();
    void saveRules();
    void updateKeyLabel();

    Workbench* m_workbench;
    MaskingKeyStore* m_key;
    DatabaseChooser* m_from;
    DatabaseChooser* m_to;
    QLineEdit* m_tables;
    QLineEdit* m_exclude;
    QSpinBox* m_jobs;
    QCheckBox* m_create;
    QCheckBox* m_truncate;
    QCheckBox* m_resume;
    QCheckBox* m_checksum;
    SqlEditor* m_rules;
    QLabel* m_keyLabel;
    QPlainTextEdit* m_plan;
    QComboBox* m_previewTable;
    QTableView* m_previewView;
    CopyPreviewModel* m_previewModel;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_previewButton;
    QPushButton* m_copyButton;
    QPushButton* m_cancelButton;
    QPushButton* m_suggestButton;
    std::shared_ptr<const CopyPreviewResult> m_lastPreview;
    quint64 m_runningJob = 0; // 0: none
};

} // namespace plumb::ui
