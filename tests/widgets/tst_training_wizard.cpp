// The training wizard: a filled form yields the expected TrainingConfig JSON (the one the CLI
// takes), and invalid input is refused with a message on the page.
#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "core/training/training_config.h"
#include "core/util/atomic_file.h"
#include "widgets/training_wizard.h"

namespace glowscope {

class TstTrainingWizard : public QObject {
  Q_OBJECT

  TrainingWizardContext context() const {
    TrainingWizardContext context;
    context.datasets = {"fashion-mnist:train", "fashion-mnist:test", "mnist:test",
                        "photo-crops-gray:train"};
    context.outputRoot = "/tmp/glowscope-wizard-test/runs";
    context.existingRunNames = {"run-1"};
    return context;
  }

  template <typename T>
  static T* field(QWizard& wizard, const char* name) {
    T* widget = wizard.findChild<T*>(name);
    if (!widget) qFatal("no field %s", name);
    return widget;
  }

  static void checkOod(QWizard& wizard, const QString& name) {
    auto* list = field<QListWidget>(wizard, "oodSets");
    for (int row = 0; row < list->count(); ++row)
      if (list->item(row)->text() == name) list->item(row)->setCheckState(Qt::Checked);
  }

  /// The data page checks the chosen sets in the background; the tests wait for its answers.
  static void waitForDatasetChecks(TrainingWizard& wizard) {
    auto* data = qobject_cast<DataPage*>(wizard.pageById(TrainingWizard::kDataPage));
    QTRY_VERIFY_WITH_TIMEOUT(!data->checksPending(), 60000);
  }

  static void fillValidForm(TrainingWizard& wizard) {
    field<QComboBox>(wizard, "trainSet")->setCurrentText("fashion-mnist:train");
    field<QComboBox>(wizard, "testSet")->setCurrentText("fashion-mnist:test");
    checkOod(wizard, "mnist:test");
    field<QSpinBox>(wizard, "evalLimit")->setValue(200);
    field<QComboBox>(wizard, "modelPreset")->setCurrentText("tiny");
    field<QSpinBox>(wizard, "modelChannels")->setValue(1);
    field<QSpinBox>(wizard, "stepsPerScale")->setValue(3);
    field<QLineEdit>(wizard, "runName")->setText("fmnist tiny");
    field<QSpinBox>(wizard, "steps")->setValue(40);
    field<QSpinBox>(wizard, "batchSize")->setValue(16);
    field<QLineEdit>(wizard, "learningRate")->setText("1e-3");
    field<QComboBox>(wizard, "schedule")->setCurrentIndex(1);
    field<QDoubleSpinBox>(wizard, "averageDecay")->setValue(0.995);
    field<QSpinBox>(wizard, "seed")->setValue(7);
    field<QSpinBox>(wizard, "threads")->setValue(2);
    field<QSpinBox>(wizard, "processes")->setValue(2);
    field<QSpinBox>(wizard, "evalEverySteps")->setValue(20);
    waitForDatasetChecks(wizard);
  }

  /// Shows a wizard, provokes a long error on the data page and walks every page: the size and
  /// the Cancel button's place never change.
  void expectStableSize() {
    TrainingWizard wizard(context());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    const QSize size = wizard.size();
    QAbstractButton* cancel = wizard.button(QWizard::CancelButton);
    const QPoint cancelAt = cancel->mapTo(&wizard, QPoint(0, 0));
    qInfo() << "wizard size on the data page:" << size << "minimum" << wizard.minimumSize()
            << "Cancel at" << cancelAt;
    field<QComboBox>(wizard, "trainSet")
        ->setCurrentText("nonexistent:" + QString("a-very-long-set-name-").repeated(12));
    waitForDatasetChecks(wizard);
    QCoreApplication::processEvents();
    QCOMPARE(wizard.size(), size);
    QCOMPARE(cancel->mapTo(&wizard, QPoint(0, 0)), cancelAt);
    fillValidForm(wizard);
    for (int page = TrainingWizard::kModelPage; page <= TrainingWizard::kSummaryPage; ++page) {
      wizard.next();
      QCoreApplication::processEvents();
      QCOMPARE(wizard.currentId(), page);
      qInfo() << "page" << page << "size" << wizard.size() << "Cancel at"
              << cancel->mapTo(&wizard, QPoint(0, 0));
      QCOMPARE(wizard.size(), size);
      QCOMPARE(cancel->mapTo(&wizard, QPoint(0, 0)), cancelAt);
    }
  }

 private Q_SLOTS:
  void filledFormGivesExpectedConfig() {
    TrainingWizard wizard(context());
    fillValidForm(wizard);
    QCOMPARE(wizard.validationError(), QString());
    const nlohmann::json config = wizard.configJson();
    QCOMPARE(config.at("trainSet").get<std::string>(), std::string("fashion-mnist:train"));
    QCOMPARE(config.at("testSet").get<std::string>(), std::string("fashion-mnist:test"));
    QCOMPARE(config.at("oodSets"), nlohmann::json::array({"mnist:test"}));
    QCOMPARE(config.at("evalLimit").get<int>(), 200);
    QCOMPARE(config.at("steps").get<int>(), 40);
    QCOMPARE(config.at("epochs").get<int>(), 0);
    QCOMPARE(config.at("batchSize").get<int>(), 16);
    QCOMPARE(config.at("optimizer").at("learningRate").get<double>(), 1e-3);
    QCOMPARE(config.at("optimizer").at("schedule").get<std::string>(), std::string("cosine"));
    QCOMPARE(config.at("optimizer").at("averageDecay").get<double>(), 0.995);
    QCOMPARE(config.at("seed").get<int>(), 7);
    QCOMPARE(config.at("threads").get<int>(), 2);
    QCOMPARE(config.at("processes").get<int>(), 2);
    QCOMPARE(config.at("evalEverySteps").get<int>(), 20);
    QCOMPARE(config.at("outputDir").get<std::string>(),
             std::string("/tmp/glowscope-wizard-test/runs/fmnist tiny"));
    const nlohmann::json& model = config.at("model");
    QCOMPARE(model.at("type").get<std::string>(), std::string("conv"));
    QCOMPARE(model.at("stepsPerScale").get<int>(), 3);  // the tiny preset (K=2), then edited
    QCOMPARE(model.at("hiddenChannels").get<int>(), modelPreset("tiny").hiddenChannels);
    QCOMPARE(config.at("losses").at("likelihood").get<bool>(), true);
    QCOMPARE(config.at("losses").at("outlier").get<bool>(), false);
    // The JSON is the CLI's config: it parses and re-serialises to itself.
    QCOMPARE(TrainingConfig::fromJson(config).toJson(), config);
    // And the summary page shows exactly it.
    auto* summary = qobject_cast<SummaryPage*>(wizard.page(TrainingWizard::kSummaryPage));
    summary->initializePage();
    QCOMPARE(nlohmann::json::parse(summary->jsonText().toStdString()), config);
  }

  void savedJsonIsTheConfig() {
    TrainingWizard wizard(context());
    fillValidForm(wizard);
    QTemporaryDir dir;
    const QString path = dir.filePath("run.json");
    QString error;
    QVERIFY2(wizard.saveConfig(path, &error), qPrintable(error));
    const auto saved = nlohmann::json::parse(readWholeFile(path.toStdString()));
    QCOMPARE(saved, wizard.configJson());
  }

  void outlierLossNeedsGeneralDistributionAndModel() {
    TrainingWizard wizard(context());
    fillValidForm(wizard);
    field<QCheckBox>(wizard, "lossOutlier")->setChecked(true);
    WizardPageBase* objective = wizard.pageById(TrainingWizard::kObjectivePage);
    QVERIFY(!objective->validatePage());
    QVERIFY(objective->errorText().contains("general distribution"));
    field<QComboBox>(wizard, "outlierSet")->setCurrentText("photo-crops-gray:train");
    waitForDatasetChecks(wizard);
    QVERIFY(objective->validatePage());
    QCOMPARE(objective->errorText(), QString());
    WizardPageBase* start = wizard.pageById(TrainingWizard::kStartPage);
    QVERIFY(!start->validatePage());
    QVERIFY(start->errorText().contains("general model"));
    QVERIFY(!wizard.validationError().isEmpty());
    field<QDoubleSpinBox>(wizard, "outlierWeight")->setValue(50);
    field<QComboBox>(wizard, "generalModel")->setCurrentText(QFINDTESTDATA("CMakeLists.txt"));
    QVERIFY2(start->validatePage(), qPrintable(start->errorText()));
    const nlohmann::json config = wizard.configJson();
    QCOMPARE(config.at("losses").at("outlierWeight").get<double>(), 50.0);
    QCOMPARE(config.at("outlierSet").get<std::string>(), std::string("photo-crops-gray:train"));
  }

  void invalidInputIsRefusedWithAMessage() {
    TrainingWizard wizard(context());
    fillValidForm(wizard);
    WizardPageBase* data = wizard.pageById(TrainingWizard::kDataPage);
    field<QComboBox>(wizard, "trainSet")->setCurrentText("");
    QVERIFY(!data->validatePage());
    QVERIFY(data->errorText().contains("training set"));
    field<QComboBox>(wizard, "trainSet")->setCurrentText("mnist:test");
    QVERIFY(!data->validatePage());  // mnist:test is also checked as an OOD set
    field<QComboBox>(wizard, "trainSet")->setCurrentText("fashion-mnist:train");
    waitForDatasetChecks(wizard);
    QVERIFY2(data->validatePage(), qPrintable(data->errorText()));

    WizardPageBase* schedule = wizard.pageById(TrainingWizard::kSchedulePage);
    field<QLineEdit>(wizard, "learningRate")->setText("fast");
    QVERIFY(!schedule->validatePage());
    QVERIFY(schedule->errorText().contains("learning rate"));
    field<QLineEdit>(wizard, "learningRate")->setText("5e-4");
    field<QLineEdit>(wizard, "runName")->setText("../escape");
    QVERIFY(!schedule->validatePage());
    field<QLineEdit>(wizard, "runName")->setText("run-1");  // exists in the project
    QVERIFY(!schedule->validatePage());
    QVERIFY(schedule->errorText().contains("exists"));
    field<QLineEdit>(wizard, "runName")->setText("run-2");
    QVERIFY(schedule->validatePage());
    field<QSpinBox>(wizard, "batchSize")->setValue(15);  // 2 processes take equal shares
    QVERIFY(!schedule->validatePage());
    QVERIFY(schedule->errorText().contains("multiple of the number of processes"));
    field<QSpinBox>(wizard, "batchSize")->setValue(16);
    QVERIFY(schedule->validatePage());

    WizardPageBase* model = wizard.pageById(TrainingWizard::kModelPage);
    field<QComboBox>(wizard, "modelType")->setCurrentIndex(2);  // local
    field<QSpinBox>(wizard, "patchSize")->setValue(7);          // 32 is not a multiple of 7
    QVERIFY(!model->validatePage());
    QVERIFY(model->errorText().contains("model."));
    field<QSpinBox>(wizard, "patchSize")->setValue(8);
    QVERIFY2(model->validatePage(), qPrintable(model->errorText()));

    WizardPageBase* objective = wizard.pageById(TrainingWizard::kObjectivePage);
    field<QCheckBox>(wizard, "lossLikelihood")->setChecked(false);
    QVERIFY(!objective->validatePage());
    QVERIFY(!wizard.validationError().isEmpty());

    WizardPageBase* start = wizard.pageById(TrainingWizard::kStartPage);
    field<QCheckBox>(wizard, "lossLikelihood")->setChecked(true);
    field<QRadioButton>(wizard, "startFineTune")->setChecked(true);
    field<QComboBox>(wizard, "initFrom")->setCurrentText("/no/such/model.glow");
    QVERIFY(!start->validatePage());
    QVERIFY(start->errorText().contains("does not exist"));
  }

  /// A set the loader refuses is refused on the data page, with the loader's reason, before
  /// Start; the check runs in the background (the page keeps answering meanwhile).
  void missingSetIsRefusedOnItsPage() {
    TrainingWizard wizard(context());
    fillValidForm(wizard);
    auto* data = qobject_cast<DataPage*>(wizard.pageById(TrainingWizard::kDataPage));
    QVERIFY2(data->validatePage(), qPrintable(data->errorText()));
    field<QComboBox>(wizard, "trainSet")->setCurrentText("nonexistent:foo");
    QVERIFY(data->checksPending());
    QVERIFY(!data->isComplete());  // Next waits for the answer (the page keeps answering)
    waitForDatasetChecks(wizard);
    QVERIFY(data->isComplete());
    QVERIFY(!data->validatePage());
    QVERIFY2(data->errorText().contains("nonexistent:foo") &&
                 data->errorText().contains("cannot be loaded"),
             qPrintable(data->errorText()));
    const QString status = field<QLabel>(wizard, "trainSetStatus")->text();
    QVERIFY2(status.contains("cannot be loaded: ") && status.size() > 20, qPrintable(status));
    QVERIFY(!wizard.validationError().isEmpty());
    // The loaded set says its shape.
    field<QComboBox>(wizard, "trainSet")->setCurrentText("fashion-mnist:train");
    waitForDatasetChecks(wizard);
    QVERIFY(data->validatePage());
    QVERIFY(field<QLabel>(wizard, "trainSetStatus")->text().contains(QString::fromUtf8("28×28×1")));
  }

  /// The wizard keeps its size and its buttons' places on every page and while a long error
  /// appears under a field: nothing moves under the cursor.
  void sizeAndButtonsStayPutOnEveryPage() { expectStableSize(); }

  /// The same in German, whose longer texts widened the wizard on its start page.
  void sizeAndButtonsStayPutInGerman() {
    QTranslator german;
    if (!german.load("glowscope_de", GLOWSCOPE_TRANSLATIONS_BUILD_DIR))
      QSKIP("glowscope_de.qm not built yet (target glowscope)");
    QCoreApplication::installTranslator(&german);
    expectStableSize();
    QCoreApplication::removeTranslator(&german);
  }

  /// Names typed one after the other in several fields all get their answer.
  void everyTypedSetIsAnswered() {
    TrainingWizard wizard(context());
    auto* data = qobject_cast<DataPage*>(wizard.pageById(TrainingWizard::kDataPage));
    for (const char* name : {"t", "100000", "nonexistent:foo", "fashion-mnist:train"}) {
      field<QComboBox>(wizard, "trainSet")->setCurrentText(name);
      QTest::qWait(450);  // past the typing delay: each name is checked
      field<QComboBox>(wizard, "testSet")->setCurrentText(QString(name) + "x");
      checkOod(wizard, "mnist:test");
    }
    QTRY_VERIFY_WITH_TIMEOUT(!data->checksPending(), 60000);
    for (const char* label : {"trainSetStatus", "testSetStatus"})
      QVERIFY2(!field<QLabel>(wizard, label)->text().contains("checking"), label);
  }

  /// A number outside its range is kept as typed and refused with the range, never clamped.
  void outOfRangeNumbersAreRefusedWithTheRange() {
    TrainingWizard wizard(context());
    fillValidForm(wizard);
    WizardPageBase* schedule = wizard.pageById(TrainingWizard::kSchedulePage);
    auto* steps = field<QSpinBox>(wizard, "steps");
    steps->clear();
    QTest::keyClicks(steps, "-5");
    QCOMPARE(steps->value(), -5);
    QVERIFY(!schedule->validatePage());
    QVERIFY2(schedule->errorText().contains("Steps must be between 1 and") &&
                 schedule->errorText().contains("-5"),
             qPrintable(schedule->errorText()));
    steps->setValue(40);
    auto* batch = field<QSpinBox>(wizard, "batchSize");
    batch->clear();
    QTest::keyClicks(batch, "9999999");
    QCOMPARE(batch->value(), 9999999);
    QVERIFY(!schedule->validatePage());
    QVERIFY2(schedule->errorText().contains("Batch size must be between 1 and") &&
                 schedule->errorText().contains(QLocale().toString(4096)),
             qPrintable(schedule->errorText()));
    QVERIFY(!wizard.validationError().isEmpty());
    batch->setValue(16);
    QVERIFY2(schedule->validatePage(), qPrintable(schedule->errorText()));
  }

  void threadsStartAtTheApplicationsValueAndNamesAreFresh() {
    TrainingWizardContext withThreads = context();
    withThreads.defaultThreads = 3;
    withThreads.existingRunNames = {"run-1", "run-2", "run-4"};
    TrainingWizard wizard(withThreads);
    QCOMPARE(field<QSpinBox>(wizard, "threads")->value(), 3);
    const QString offered = field<QLineEdit>(wizard, "runName")->text();
    QVERIFY2(!withThreads.existingRunNames.contains(offered), qPrintable(offered));
  }

  /// The summary reads as a sentence list: the run, where its files go, the model, the data and
  /// a time from a recorded speed of the same architecture.
  void summaryIsReadableWithATimeEstimate() {
    TrainingWizardContext withSpeed = context();
    TrainingWizard probe(withSpeed);
    fillValidForm(probe);
    withSpeed.speeds.push_back({"earlier", probe.configJson().at("model"), 2, 160.0});
    TrainingWizard wizard(withSpeed);
    fillValidForm(wizard);
    const QString html = wizard.overviewHtml();
    QVERIFY(html.contains("/tmp/glowscope-wizard-test/runs/fmnist tiny"));
    QVERIFY(html.contains("fashion-mnist:train (" + QString::fromUtf8("28×28×1") + ")"));
    QVERIFY(html.contains("mnist:test"));
    // 40 steps of 16 images at 160 images/s: 4 s.
    QVERIFY2(html.contains("about 4 s at 160 images/s (measured in the run earlier)"),
             qPrintable(html));
    QVERIFY(!probe.overviewHtml().contains("measured"));
  }

  void modelPageShowsParameterCount() {
    TrainingWizard wizard(context());
    field<QComboBox>(wizard, "modelPreset")->setCurrentText("tiny");
    const QString text = field<QLabel>(wizard, "modelSummary")->text();
    const QString count = QLocale().toString(qint64(analyticParameterCount(modelPreset("tiny"))));
    QVERIFY2(text.contains(count), qPrintable(text + " lacks " + count));
    QVERIFY(text.contains("MB"));
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstTrainingWizard)
#include "tst_training_wizard.moc"
