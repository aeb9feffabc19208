<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="13"/>
        <source>&lt;h3&gt;Glowscope %1&lt;/h3&gt;&lt;p&gt;Likelihood-based anomaly detection with deep invertible networks (Schirrmeister et al., NeurIPS 2020).&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;spdlog&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Threads&lt;/td&gt;&lt;td&gt;%6 of %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Device&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Glowscope %1&lt;/h3&gt;&lt;p&gt;Likelihood-basierte Anomalieerkennung mit tiefen invertierbaren Netzen (Schirrmeister et al., NeurIPS 2020).&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Qt&lt;/td&gt;&lt;td&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;LibTorch&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;OpenCV&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;spdlog&lt;/td&gt;&lt;td&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Threads&lt;/td&gt;&lt;td&gt;%6 von %7&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;BLAS&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gerät&lt;/td&gt;&lt;td&gt;%9&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../app/gui/about_dialog.cpp" line="32"/>
        <source>About Glowscope</source>
        <translation>Über Glowscope</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="61"/>
        <source>image %1, class %2</source>
        <translation>Bild %1, Klasse %2</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="62"/>
        <source>image %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_stats.cpp" line="74"/>
        <source>channel statistics</source>
        <translation>Kanalstatistik</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_stats.cpp" line="76"/>
        <source>pixel-difference histogram</source>
        <translation>Pixeldifferenz-Histogramm</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_stats.cpp" line="79"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="95"/>
        <source>Choose a model</source>
        <translation>Modell wählen</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="43"/>
        <source>Choose %1.</source>
        <translation>Wählen Sie %1.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="44"/>
        <source>%1 &apos;%2&apos; does not exist.</source>
        <translation>%1 „%2“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="248"/>
        <source>Export figure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="249"/>
        <source>Copy image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="259"/>
        <location filename="../widgets/views/plot_export.cpp" line="268"/>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="260"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="46"/>
        <source>higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="46"/>
        <source>lower is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="47"/>
        <source>; best of each row in bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="48"/>
        <source>; mean ± sd over seeds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::CorrelationHeatmapView</name>
    <message>
        <location filename="../widgets/views/correlation_heatmap_view.cpp" line="46"/>
        <source>correlation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/correlation_heatmap_view.cpp" line="91"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::DataPage</name>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="106"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="108"/>
        <source>The in-distribution training set, an optional general distribution (outlier images for the outlier and margin losses) and the sets evaluated periodically.</source>
        <translation>Die In-Distribution-Trainingsmenge, optional eine allgemeine Verteilung (Ausreißerbilder für Ausreißer- und Margin-Verlust) und die regelmäßig ausgewerteten Mengen.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="121"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="124"/>
        <source>&amp;Training set (in-distribution):</source>
        <translation>&amp;Trainingsmenge (In-Distribution):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="125"/>
        <source>Training images &amp;used:</source>
        <translation>Verwendete Trainings&amp;bilder:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="126"/>
        <source>T&amp;est set (bits/dim):</source>
        <translation>T&amp;estmenge (Bits/Dim):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="127"/>
        <source>&amp;General distribution (outliers):</source>
        <translation>All&amp;gemeine Verteilung (Ausreißer):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="128"/>
        <source>&amp;OOD sets (periodic AUROC):</source>
        <translation>&amp;OOD-Mengen (regelmäßige AUROC):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="129"/>
        <source>Images per &amp;evaluated set:</source>
        <translation>Bilder je ausg&amp;ewerteter Menge:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="139"/>
        <source>Choose a training set.</source>
        <translation>Wählen Sie eine Trainingsmenge.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="142"/>
        <source>&apos;%1&apos; is a pattern, not a dataset: replace the path part.</source>
        <translation>„%1“ ist ein Muster, kein Datensatz: Ersetzen Sie den Pfadteil.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="145"/>
        <source>The training set cannot also be an OOD set.</source>
        <translation>Die Trainingsmenge kann nicht zugleich OOD-Menge sein.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="147"/>
        <source>The general distribution must differ from the training set.</source>
        <translation>Die allgemeine Verteilung muss sich von der Trainingsmenge unterscheiden.</translation>
    </message>
</context>
<context>
    <name>glowscope::DatasetBrowser</name>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="90"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="90"/>
        <source>On this machine</source>
        <translation>Auf diesem Rechner</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="102"/>
        <source>&amp;Add from disk…</source>
        <translation>Von der Festplatte &amp;hinzufügen…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="105"/>
        <source>CIFAR-10/100 folder, SVHN .mat, IDX file or image folder; you can also drop files here</source>
        <translation>CIFAR-10/100-Ordner, SVHN-.mat, IDX-Datei oder Bildordner; Dateien können auch hierher gezogen werden</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="108"/>
        <source>&amp;File (SVHN .mat, IDX, CIFAR batch)…</source>
        <translation>&amp;Datei (SVHN-.mat, IDX, CIFAR-Batch)…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="110"/>
        <source>F&amp;older (CIFAR folder, image folder)…</source>
        <translation>&amp;Ordner (CIFAR-Ordner, Bildordner)…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="113"/>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="140"/>
        <source>Double-click a dataset to load it.</source>
        <translation>Doppelklicken Sie auf einen Datensatz, um ihn zu laden.</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="146"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="172"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="172"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="182"/>
        <source>pixel minus mean of its 8 neighbours</source>
        <translation>Pixel minus Mittel seiner 8 Nachbarn</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="183"/>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="189"/>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="191"/>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="224"/>
        <source>Registry</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="225"/>
        <source>Added from disk</source>
        <translation>Von der Festplatte hinzugefügt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="230"/>
        <source>available</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="230"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="237"/>
        <source>Install with: %1</source>
        <translation>Installieren mit: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="247"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="250"/>
        <source>Added from disk: %1</source>
        <translation>Von der Festplatte hinzugefügt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="262"/>
        <source>Add a dataset folder</source>
        <translation>Datensatzordner hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="262"/>
        <source>Add a dataset file</source>
        <translation>Datensatzdatei hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="265"/>
        <source>Dataset files (*.mat *idx3-ubyte data_batch_1 train)</source>
        <translation>Datensatzdateien (*.mat *idx3-ubyte data_batch_1 train)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="265"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="267"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="271"/>
        <source>not a dataset Glowscope can read</source>
        <translation>kein Datensatz, den Glowscope lesen kann</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="297"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="309"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="327"/>
        <source>reading files</source>
        <translation>Dateien lesen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="332"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="354"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="360"/>
        <source>%1: %L2 images, %3×%4×%5</source>
        <translation>%1: %L2 Bilder, %3×%4×%5</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="369"/>
        <source>all classes</source>
        <translation>alle Klassen</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="387"/>
        <source>grey</source>
        <translation>grau</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="389"/>
        <source>%1: mean %2, std %3</source>
        <translation>%1: Mittel %2, Std.-Abw. %3</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="401"/>
        <source>%1 images</source>
        <translation>%1 Bilder</translation>
    </message>
</context>
<context>
    <name>glowscope::FigureOptionsDialog</name>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="30"/>
        <source>Figure size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="32"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="32"/>
        <source>Single column (85 × 60 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="32"/>
        <source>Double column (174 × 100 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="37"/>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="38"/>
        <source>Width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="39"/>
        <source>Height:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="40"/>
        <source>PNG resolution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="71"/>
        <source>%1 × %2 in; PNG %3 × %4 px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="36"/>
        <source>Glowscope</source>
        <translation>Glowscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="44"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="53"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="70"/>
        <location filename="../app/gui/main_window.cpp" line="174"/>
        <source>&amp;Datasets</source>
        <translation>&amp;Datensätze</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="71"/>
        <location filename="../app/gui/main_window.cpp" line="176"/>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="73"/>
        <source>&amp;Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="82"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="89"/>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="98"/>
        <source>Cannot open results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="103"/>
        <source>Results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>Open a results folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="144"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="147"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="147"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="157"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="159"/>
        <source>Open &amp;Results Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="163"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="167"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="171"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="178"/>
        <source>R&amp;esults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="182"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="184"/>
        <source>&amp;About Glowscope</source>
        <translation>Ü&amp;ber Glowscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="186"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="209"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="210"/>
        <source>%n run(s) are training. Stop them after the current step and write resumable checkpoints?</source>
        <translation>
            <numerusform>%n Lauf trainiert. Nach dem aktuellen Schritt anhalten und einen fortsetzbaren Checkpoint schreiben?</numerusform>
            <numerusform>%n Läufe trainieren. Nach dem aktuellen Schritt anhalten und fortsetzbare Checkpoints schreiben?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="218"/>
        <source>Stopping training and writing checkpoints…</source>
        <translation>Training wird angehalten, Checkpoints werden geschrieben…</translation>
    </message>
</context>
<context>
    <name>glowscope::ModelPage</name>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="168"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="170"/>
        <source>A Glow flow: multi-scale convolutional, fully connected (dense) or local (one small Glow on every patch).</source>
        <translation>Ein Glow-Flow: mehrskalig faltend, vollständig verbunden (dense) oder lokal (ein kleiner Glow je Bildausschnitt).</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="174"/>
        <source>Convolutional Glow</source>
        <translation>Faltender Glow</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="175"/>
        <source>Dense Glow</source>
        <translation>Dense-Glow</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="176"/>
        <source>Local Glow (patches)</source>
        <translation>Lokaler Glow (Ausschnitte)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="190"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="191"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Vorgabe:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="192"/>
        <source>Image &amp;channels:</source>
        <translation>Bild&amp;kanäle:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="193"/>
        <source>Image &amp;height:</source>
        <translation>Bild&amp;höhe:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="194"/>
        <source>Image &amp;width:</source>
        <translation>Bild&amp;breite:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="195"/>
        <source>&amp;Scales (L):</source>
        <translation>&amp;Skalen (L):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="196"/>
        <source>Flow steps per scale (&amp;K):</source>
        <translation>Flow-Schritte je Skala (&amp;K):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="197"/>
        <source>Hidden channels/&amp;units:</source>
        <translation>Verborgene Kanäle/&amp;Einheiten:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="198"/>
        <source>Patch si&amp;ze (local):</source>
        <translation>Ausschnitt&amp;größe (lokal):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="199"/>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="246"/>
        <source>%L1 parameters (%2 MB); about %3 MB to train with batch 64</source>
        <translation>%L1 Parameter (%2 MB); etwa %3 MB zum Trainieren mit Batch 64</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="259"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
</context>
<context>
    <name>glowscope::ObjectivePage</name>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="53"/>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="54"/>
        <source>Which losses train the model (see the paper, section 5).</source>
        <translation>Welche Verluste das Modell trainieren (siehe Artikel, Abschnitt 5).</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="55"/>
        <source>&amp;Maximum likelihood on the training set</source>
        <translation>&amp;Maximum Likelihood auf der Trainingsmenge</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="58"/>
        <source>&amp;Outlier loss (needs a general distribution and model)</source>
        <translation>&amp;Ausreißerverlust (braucht allgemeine Verteilung und Modell)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="62"/>
        <source>M&amp;argin loss (baseline)</source>
        <translation>M&amp;argin-Verlust (Vergleichsverfahren)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="65"/>
        <source>D (1 nat per dimension)</source>
        <translation>D (1 nat je Dimension)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="66"/>
        <source>&amp;Diff†: train the general model, in-distribution images as outliers</source>
        <translation>&amp;Diff†: das allgemeine Modell trainieren, In-Distribution-Bilder als Ausreißer</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="72"/>
        <source>&amp;Supervised (class-conditional heads)</source>
        <translation>Ü&amp;berwacht (klassenbedingte Köpfe)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="78"/>
        <source>Outlier weight λ:</source>
        <translation>Ausreißergewicht λ:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="79"/>
        <source>Temperature T (nats):</source>
        <translation>Temperatur T (nats):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="81"/>
        <source>Margin (nats):</source>
        <translation>Margin (nats):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="83"/>
        <source>Frozen in-distribution model:</source>
        <translation>Eingefrorenes In-Distribution-Modell:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="86"/>
        <source>Classes:</source>
        <translation>Klassen:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="109"/>
        <source>Enable at least one loss.</source>
        <translation>Aktivieren Sie mindestens einen Verlust.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="111"/>
        <source>The outlier and margin losses need a general distribution (Data page).</source>
        <translation>Ausreißer- und Margin-Verlust brauchen eine allgemeine Verteilung (Seite Daten).</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="113"/>
        <source>The temperature T must be positive.</source>
        <translation>Die Temperatur T muss positiv sein.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="115"/>
        <source>Diff† trains with the outlier loss: enable it too.</source>
        <translation>Diff† trainiert mit dem Ausreißerverlust: Aktivieren Sie ihn ebenfalls.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="119"/>
        <source>The in-distribution model &apos;%1&apos; does not exist.</source>
        <translation>Das In-Distribution-Modell „%1“ existiert nicht.</translation>
    </message>
</context>
<context>
    <name>glowscope::ProjectController</name>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="28"/>
        <location filename="../app/gui/project_controller.cpp" line="37"/>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="29"/>
        <source>%1 already holds a project; open it instead.</source>
        <translation>%1 enthält bereits ein Projekt; öffnen Sie es stattdessen.</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="55"/>
        <location filename="../app/gui/project_controller.cpp" line="173"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="55"/>
        <source>The project could not be opened; nothing was changed.

%1</source>
        <translation>Das Projekt konnte nicht geöffnet werden; nichts wurde geändert.

%1</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="72"/>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="118"/>
        <source>Glowscope</source>
        <translation>Glowscope</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="118"/>
        <source>%1[*] — Glowscope</source>
        <translation>%1[*] — Glowscope</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="147"/>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="151"/>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="154"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="157"/>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="166"/>
        <source>Choose an empty folder for the new project</source>
        <translation>Wählen Sie einen leeren Ordner für das neue Projekt</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="174"/>
        <source>Glowscope projects (%1);;JSON (*.json)</source>
        <translation>Glowscope-Projekte (%1);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="181"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../app/gui/project_controller.cpp" line="182"/>
        <source>The project %1 has unsaved changes. Save them?</source>
        <translation>Das Projekt %1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
</context>
<context>
    <name>glowscope::ResultsBrowser</name>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="59"/>
        <source>No results folder open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="77"/>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="83"/>
        <source>Score:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="83"/>
        <source>Histogram &amp;&amp; ROC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="84"/>
        <source>x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="84"/>
        <source>y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="84"/>
        <source>Scatter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="85"/>
        <source>Correlations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="88"/>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="115"/>
        <source>%1 — %2 as in-distribution, %3 OOD sets, %4 scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="187"/>
        <source>Spearman ρ between scores on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::ResultsTableView</name>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="68"/>
        <source>Metric:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="72"/>
        <source>Copy LaTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="73"/>
        <source>Copy Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="74"/>
        <source>Copy CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="80"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="162"/>
        <location filename="../widgets/views/results_table_view.cpp" line="172"/>
        <source>Save table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="163"/>
        <source>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::RocCurveView</name>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="51"/>
        <source>false positive rate (OOD accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="52"/>
        <source>true positive rate (in-distribution accepted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="64"/>
        <source>chance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="72"/>
        <source>%1 (AUROC %2%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::SchedulePage</name>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="206"/>
        <source>Schedule</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="207"/>
        <source>How long and how fast to train, and where.</source>
        <translation>Wie lange, wie schnell und wo trainiert wird.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="213"/>
        <source>S&amp;teps:</source>
        <translation>Sc&amp;hritte:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="216"/>
        <source>E&amp;pochs:</source>
        <translation>E&amp;pochen:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="224"/>
        <source>auto (100 when fine-tuning, else 0)</source>
        <translation>automatisch (100 beim Feinabstimmen, sonst 0)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="227"/>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="234"/>
        <source>only at the end</source>
        <translation>nur am Ende</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="237"/>
        <source>&amp;Run name:</source>
        <translation>&amp;Laufname:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="240"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batchgröße:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="241"/>
        <source>&amp;Learning rate:</source>
        <translation>Lern&amp;rate:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="242"/>
        <source>&amp;Warm-up steps:</source>
        <translation>&amp;Aufwärmschritte:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="243"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="244"/>
        <source>T&amp;hreads:</source>
        <translation>T&amp;hreads:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="245"/>
        <source>&amp;Device:</source>
        <translation>&amp;Gerät:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="246"/>
        <source>E&amp;valuate every (steps):</source>
        <translation>A&amp;uswerten alle (Schritte):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="247"/>
        <source>&amp;Checkpoint every (steps):</source>
        <translation>&amp;Checkpoint alle (Schritte):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="265"/>
        <source>Run name: %1</source>
        <translation>Laufname: %1</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="268"/>
        <source>A run named &apos;%1&apos; exists already: choose another name.</source>
        <translation>Ein Lauf „%1“ existiert bereits: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="272"/>
        <source>The learning rate must be a number in (0, 1], e.g. 5e-4.</source>
        <translation>Die Lernrate muss eine Zahl in (0, 1] sein, z. B. 5e-4.</translation>
    </message>
</context>
<context>
    <name>glowscope::ScoreHistogramView</name>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="52"/>
        <source>Auto range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="57"/>
        <source>over all values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="57"/>
        <source>without 1% tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="57"/>
        <source>over in-distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="69"/>
        <source>density</source>
        <translation type="unfinished">Dichte</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="75"/>
        <source>Bins:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="79"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="81"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="175"/>
        <source>%1 (in-distribution, n = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="176"/>
        <source>%1 (AUROC %2%, n = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="181"/>
        <source>, %1 outside the range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="183"/>
        <source>, %1 not finite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::ScoreScatterView</name>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="99"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="100"/>
        <source>%1 vs %2 — Spearman ρ = %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="132"/>
        <source>%1: %2 images — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glowscope::StartPage</name>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="148"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="149"/>
        <source>Train from scratch or fine-tune a general model.</source>
        <translation>Von Grund auf trainieren oder ein allgemeines Modell feinabstimmen.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="150"/>
        <source>From s&amp;cratch (data-dependent ActNorm initialisation)</source>
        <translation>Von &amp;Grund auf (datenabhängige ActNorm-Initialisierung)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="153"/>
        <source>&amp;Fine-tune from a model or checkpoint</source>
        <translation>&amp;Feinabstimmen von einem Modell oder Checkpoint</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="158"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="164"/>
        <source>&amp;Model to fine-tune:</source>
        <translation>Feinabzustimmendes &amp;Modell:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="166"/>
        <source>F&amp;reeze the first scales:</source>
        <translation>Erste Skalen ein&amp;frieren:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="167"/>
        <source>&amp;General model (frozen; ratio AUROC, outlier loss, Diff†):</source>
        <translation>&amp;Allgemeines Modell (eingefroren; Verhältnis-AUROC, Ausreißerverlust, Diff†):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="183"/>
        <source>the model to fine-tune</source>
        <translation>das feinabzustimmende Modell</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="188"/>
        <source>The chosen objective needs a general model.</source>
        <translation>Die gewählte Zielfunktion braucht ein allgemeines Modell.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="189"/>
        <source>the general model</source>
        <translation>das allgemeine Modell</translation>
    </message>
</context>
<context>
    <name>glowscope::SummaryPage</name>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="88"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="89"/>
        <source>The run&apos;s configuration, exactly as glowscope-cli train --config takes it.</source>
        <translation>Die Konfiguration des Laufs, genau so, wie glowscope-cli train --config sie liest.</translation>
    </message>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="98"/>
        <source>Save &amp;JSON…</source>
        <translation>&amp;JSON speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="102"/>
        <source>Save training config</source>
        <translation>Trainingskonfiguration speichern</translation>
    </message>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="102"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>glowscope::TrainingController</name>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="49"/>
        <source>&amp;New Training Run…</source>
        <translation>&amp;Neuer Trainingslauf…</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="52"/>
        <source>S&amp;top All Runs</source>
        <translation>Alle Läufe an&amp;halten</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="81"/>
        <location filename="../app/gui/training_controller.cpp" line="93"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="81"/>
        <source>The run %1 is already active.</source>
        <translation>Der Lauf %1 ist bereits aktiv.</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="111"/>
        <source>Starting %1…</source>
        <translation>Starte %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="132"/>
        <source>%1 stopped at step %2; resumable checkpoint %3</source>
        <translation>%1 bei Schritt %2 angehalten; fortsetzbarer Checkpoint %3</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="136"/>
        <source>%1 finished after %2 steps</source>
        <translation>%1 nach %2 Schritten fertig</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="138"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="157"/>
        <source>%1 paused</source>
        <translation>%1 pausiert</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="157"/>
        <source>%1 continues</source>
        <translation>%1 läuft weiter</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="164"/>
        <source>Stopping %1 after the current step…</source>
        <translation>%1 wird nach dem aktuellen Schritt angehalten…</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="175"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/gui/training_controller.cpp" line="175"/>
        <source>No configuration is known for the run %1.</source>
        <translation>Für den Lauf %1 ist keine Konfiguration bekannt.</translation>
    </message>
</context>
<context>
    <name>glowscope::TrainingView</name>
    <message>
        <location filename="../widgets/training_view.cpp" line="66"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="66"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="66"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="66"/>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="66"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="67"/>
        <source>Train bpd</source>
        <translation>Train-bpd</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="67"/>
        <source>Test bpd</source>
        <translation>Test-bpd</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="67"/>
        <source>Images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="68"/>
        <source>NaN/skip</source>
        <translation>NaN/übersprungen</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="88"/>
        <source>Loss parts (selected run)</source>
        <translation>Verlustanteile (gewählter Lauf)</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="88"/>
        <source>nats</source>
        <translation>nats</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="89"/>
        <source>Bits/dim</source>
        <translation>Bits/Dim</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="89"/>
        <source>bits/dim</source>
        <translation>Bits/Dim</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="90"/>
        <source>AUROC per OOD set</source>
        <translation>AUROC je OOD-Menge</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="90"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="91"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="91"/>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="116"/>
        <source>per step</source>
        <translation>je Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="116"/>
        <source>per epoch</source>
        <translation>je Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="121"/>
        <source>step %v of %m</source>
        <translation>Schritt %v von %m</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="126"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="129"/>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="131"/>
        <source>Stop after the current step and write a resumable checkpoint</source>
        <translation>Nach dem aktuellen Schritt anhalten und einen fortsetzbaren Checkpoint schreiben</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="132"/>
        <source>&amp;Resume from checkpoint</source>
        <translation>Vom Checkpoint &amp;fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="145"/>
        <source>x axis:</source>
        <translation>x-Achse:</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="178"/>
        <source>Checked runs are compared in the bits/dim, AUROC and throughput plots</source>
        <translation>Markierte Läufe werden in den Bits/Dim-, AUROC- und Durchsatz-Diagrammen verglichen</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="262"/>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="264"/>
        <source>NaN/skip events: %1</source>
        <translation>NaN-/Überspring-Ereignisse: %1</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="266"/>
        <source>skipped steps %1, dropped samples %2, rollbacks %3
</source>
        <translation>übersprungene Schritte %1, verworfene Beispiele %2, Rücksetzungen %3
</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="275"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="276"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="277"/>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="278"/>
        <source>stopped (resumable)</source>
        <translation>angehalten (fortsetzbar)</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="279"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="280"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="294"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="294"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="307"/>
        <source>loss (epoch mean)</source>
        <translation>Verlust (Epochenmittel)</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="310"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="311"/>
        <source>likelihood</source>
        <translation>Likelihood</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="312"/>
        <source>outlier</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="313"/>
        <source>margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="314"/>
        <source>supervised</source>
        <translation>überwacht</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="319"/>
        <source>NaN/skip events (%1)</source>
        <translation>NaN-/Überspring-Ereignisse (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="333"/>
        <location filename="../widgets/training_view.cpp" line="340"/>
        <source> train</source>
        <translation> Training</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="338"/>
        <location filename="../widgets/training_view.cpp" line="341"/>
        <source> test</source>
        <translation> Test</translation>
    </message>
</context>
<context>
    <name>glowscope::TrainingWizard</name>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="20"/>
        <source>New training run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <location filename="../widgets/training_wizard.cpp" line="35"/>
        <source>&amp;Start training</source>
        <translation>Training &amp;starten</translation>
    </message>
</context>
</TS>
