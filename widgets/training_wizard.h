#pragma once
// The training wizard: data, model, objective, start, schedule, summary. It produces exactly
// the TrainingConfig JSON that `glowscope-cli train --config` takes (TrainingConfig::toJson of
// the parsed form), viewable and savable on the summary page.
#include <QWizard>
#include <nlohmann/json.hpp>

#include "widgets/wizard_pages.h"

class QPlainTextEdit;

namespace glowscope {

class SummaryPage;

class TrainingWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageId { kDataPage, kModelPage, kObjectivePage, kStartPage, kSchedulePage, kSummaryPage };

  explicit TrainingWizard(TrainingWizardContext context, QWidget* parent = nullptr);

  /// The form as a normalised TrainingConfig JSON (every field present). Throws ConfigError when
  /// the form cannot be parsed as a config.
  nlohmann::json configJson() const;
  /// Empty when every page's check and TrainingConfig::validate pass, else the first problem.
  QString validationError() const;
  QString runName() const;
  /// Writes configJson() to `path`; false with `error` set on failure.
  bool saveConfig(const QString& path, QString* error) const;

  WizardPageBase* pageById(PageId id) const;
  /// The readable overview of the summary page (HTML): what is trained, on what, how long at
  /// a recorded speed, where the files go.
  QString overviewHtml() const;

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  bool sizedForAllPages_ = false;
  TrainingWizardContext context_;
  DataPage* dataPage_;
  ModelPage* modelPage_;
  ObjectivePage* objectivePage_;
  StartPage* startPage_;
  SchedulePage* schedulePage_;
  SummaryPage* summaryPage_;
};

/// Shows the overview (and the JSON in a second tab), the remaining problem (if any) and a
/// "Save JSON…" button.
class SummaryPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit SummaryPage(const TrainingWizard* wizard, QWidget* parent = nullptr);
  void initializePage() override;
  bool validatePage() override;
  QString errorText() const;
  QString jsonText() const;

 private:
  const TrainingWizard* wizard_;
  QPlainTextEdit* json_;
  QLabel* overview_;
  QLabel* error_;
};

}  // namespace glowscope
