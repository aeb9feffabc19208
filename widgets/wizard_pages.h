#pragma once
// The pages of the training wizard. Each page checks its own fields (message shown on the
// page) and writes its part of the TrainingConfig JSON; the summary page validates the whole.
#include <QList>
#include <QStringList>
#include <QWizardPage>
#include <nlohmann/json.hpp>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace glowscope {

class DatasetCheck;

/// A training speed seen in an earlier run, for the summary's time estimate.
struct RecordedSpeed {
  QString run;
  nlohmann::json model;  ///< the run's "model" object
  int threads = 0;
  double imagesPerSecond = 0;
};

struct TrainingWizardContext {
  QStringList datasets;    ///< registry names offered for the sets (editable combos)
  int defaultThreads = 0;  ///< the threads field's start value (the app's --threads; 0 = all)
  QString outputRoot;      ///< runs are written to <outputRoot>/<run name>
  QStringList modelFiles;  ///< known model files (fine-tuning, general model)
  QStringList existingRunNames;
  QList<RecordedSpeed> speeds;  ///< from the runs listed in the training view
};

/// A page with an error line; validatePage() shows check()'s message and refuses on error.
class WizardPageBase : public QWizardPage {
  Q_OBJECT

 public:
  explicit WizardPageBase(QWidget* parent = nullptr);
  /// Empty when the page's fields are valid, else one sentence naming the field.
  virtual QString check() const = 0;
  virtual void writeTo(nlohmann::json& config) const = 0;
  /// The first number outside its allowed range (see setAllowedRange), else check().
  QString problem() const;
  bool validatePage() override;
  QString errorText() const;

 protected:
  QLabel* errorLabel_ = nullptr;
};

class DataPage : public WizardPageBase {
  Q_OBJECT

 public:
  DataPage(const TrainingWizardContext& context, QWidget* parent = nullptr);
  QString check() const override;
  void writeTo(nlohmann::json& config) const override;
  QString outlierSet() const;
  /// The sets chosen on the page (training, test, general, checked OOD sets), without empties.
  QStringList chosenSets() const;
  /// The check's answer for a set, for the summary ("28×28×1").
  QString setShape(const QString& spec) const;
  /// True while a chosen set is still being checked.
  bool checksPending() const;
  /// Next is enabled once every chosen set has its answer (a second or so per set).
  bool isComplete() const override;

 private:
  void requestChecks();
  void showAnswers();
  DatasetCheck* check_;
  QTimer* checkDelay_;
  QLabel *trainStatus_, *testStatus_, *outlierStatus_, *oodStatus_;
  QComboBox* trainSet_;
  QComboBox* testSet_;
  QComboBox* outlierSet_;
  QListWidget* oodSets_;
  QSpinBox* trainLimit_;
  QSpinBox* evalLimit_;
};

class ModelPage : public WizardPageBase {
  Q_OBJECT

 public:
  explicit ModelPage(QWidget* parent = nullptr);
  QString check() const override;
  void writeTo(nlohmann::json& config) const override;
  nlohmann::json modelJson() const;

 private:
  bool isPixelCnn() const;
  void listFamilyPresets();
  void applyPreset();
  void updateSummary();
  QComboBox* type_;
  QComboBox* preset_;
  QSpinBox *channels_, *height_, *width_, *scales_, *stepsPerScale_, *hidden_, *patch_;
  QLabel* summary_;
};

class ObjectivePage : public WizardPageBase {
  Q_OBJECT

 public:
  ObjectivePage(const TrainingWizardContext& context, const DataPage* data,
                QWidget* parent = nullptr);
  QString check() const override;
  void writeTo(nlohmann::json& config) const override;
  bool needsGeneralModel() const;

 private:
  const DataPage* data_;
  QCheckBox *likelihood_, *outlier_, *margin_, *diffDagger_, *supervised_;
  QDoubleSpinBox *outlierWeight_, *temperature_, *marginNats_;
  QSpinBox* numClasses_;
  QComboBox* inDistributionModel_;
};

class StartPage : public WizardPageBase {
  Q_OBJECT

 public:
  StartPage(const TrainingWizardContext& context, const ObjectivePage* objective,
            QWidget* parent = nullptr);
  QString check() const override;
  void writeTo(nlohmann::json& config) const override;

 private:
  const ObjectivePage* objective_;
  QRadioButton *scratch_, *fineTune_;
  QComboBox* initFrom_;
  QSpinBox* freezeScales_;
  QComboBox* generalModel_;
};

class SchedulePage : public WizardPageBase {
  Q_OBJECT

 public:
  SchedulePage(const TrainingWizardContext& context, QWidget* parent = nullptr);
  QString check() const override;
  void writeTo(nlohmann::json& config) const override;
  QString runName() const;

 private:
  QStringList existingRuns_;
  QLineEdit* runName_;
  QRadioButton *useSteps_, *useEpochs_;
  QSpinBox *steps_, *epochs_, *batch_, *warmup_, *seed_, *threads_, *processes_, *evalEvery_,
      *checkpointEvery_;
  QLineEdit* learningRate_;
  QComboBox *schedule_, *device_;
  QDoubleSpinBox* averageDecay_;
};

/// Lets `spin` take any number typed (a spin box would otherwise drop keys or clamp without a
/// word) and records [minimum, maximum]: the page refuses a value outside it, saying the range.
/// `keepMinimum` keeps the spin's lower bound (a special value such as "all" sits there).
void setAllowedRange(QSpinBox* spin, int minimum, int maximum, bool keepMinimum = false);

/// A combo box for a file path: editable, with the known files and a "…" browse button.
QWidget* pathChooser(QComboBox* combo, const QStringList& known, const QString& filter,
                     QWidget* parent);

}  // namespace glowscope
