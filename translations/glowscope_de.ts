<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/training_wizard.cpp"/>
        <source>PixelCNN++ (%1), %2 blocks per stage, %3 filters, %4 logistics; %5×%6×%7 images; %L8 parameters</source>
        <translation>PixelCNN++ (%1), %2 Blöcke je Stufe, %3 Filter, %4 logistische Komponenten; %5×%6×%7-Bilder; %L8 Parameter</translation>
    </message>
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
        <source>image %L1, class %2</source>
        <translation>Bild %L1, Klasse %2</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="62"/>
        <source>image %L1</source>
        <translation>Bild %L1</translation>
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
        <location filename="../widgets/views/plot_export.cpp" line="265"/>
        <source>Export figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="266"/>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="276"/>
        <location filename="../widgets/views/plot_export.cpp" line="285"/>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp" line="277"/>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="121"/>
        <source>Data of %1 (CSV)</source>
        <translation>Daten von %1 (CSV)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="225"/>
        <source>c_1 + c_2 (%1 + %2)</source>
        <translation>c_1 + c_2 (%1 + %2)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="227"/>
        <source>c_1 + c_2 against the last scale (%1) of model %2 per set</source>
        <translation>c_1 + c_2 gegen die letzte Skala (%1) von Modell %2 je Menge</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="241"/>
        <source>%1 against %2 per set</source>
        <translation>%1 gegen %2 je Menge</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="253"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="265"/>
        <source>%1 table (rows: OOD sets, columns: scores; mean ± sd over seeds), %2</source>
        <translation>Tabelle %1 (Zeilen: OOD-Mengen, Spalten: Scores; Mittel ± Std.-Abw. über Seeds), %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="267"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="268"/>
        <source>LaTeX</source>
        <translation>LaTeX</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="269"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="284"/>
        <source>Correlations</source>
        <translation>Korrelationen</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="288"/>
        <source>Spearman ρ between scores on %1</source>
        <translation>Spearman-ρ zwischen den Scores auf %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="290"/>
        <source>Spearman ρ between every pair of scores on %1 (seed %2</source>
        <translation>Spearman-ρ zwischen allen Score-Paaren auf %1 (Seed %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/batch_export.cpp" line="295"/>
        <source>; %L1 × %L2 mm to fit %Ln scores</source>
        <translation>
            <numerusform>; %L1 × %L2 mm, passend für %Ln Score</numerusform>
            <numerusform>; %L1 × %L2 mm, passend für %Ln Scores</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="311"/>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="314"/>
        <source>Histogram of %1</source>
        <translation>Histogramm von %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="317"/>
        <source>Histogram of %1 per set, AUROC of each OOD set in the legend (%2)</source>
        <translation>Histogramm von %1 je Menge, AUROC jeder OOD-Menge in der Legende (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="321"/>
        <source>ROC curves of %1</source>
        <translation>ROC-Kurven von %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="324"/>
        <source>ROC curves of %1, each OOD set against %2 (%3)</source>
        <translation>ROC-Kurven von %1, jede OOD-Menge gegen %2 (%3)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="335"/>
        <source>, Spearman ρ in the title (%1)</source>
        <translation>, Spearman-ρ im Titel (%1)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="346"/>
        <source># Exported views: %1

Results folder `%2`; figures from the per-image scores of seed %3, tables over seeds %4. Figures %L5 × %L6 mm, PNG at %L7 dpi. Scores are oriented so that higher = more in-distribution.
</source>
        <translation># Exportierte Ansichten: %1

Ergebnisordner `%2`; Abbildungen aus den Scores je Bild von Seed %3, Tabellen über die Seeds %4. Abbildungen %L5 × %L6 mm, PNG mit %L7 dpi. Die Scores sind so ausgerichtet, dass höher = eher In-Distribution.
</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="457"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="459"/>
        <source>This index</source>
        <translation>Dieser Index</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export.cpp" line="460"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="153"/>
        <source>Exporting…</source>
        <translation>Exportiere…</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="153"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="154"/>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="175"/>
        <source>Export all views</source>
        <translation>Alle Ansichten exportieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/batch_export_dialog.cpp" line="179"/>
        <source>Export failed after %Ln file(s): %1</source>
        <translation>
            <numerusform>Export nach %Ln Datei fehlgeschlagen: %1</numerusform>
            <numerusform>Export nach %Ln Dateien fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/batch_export_dialog.cpp" line="184"/>
        <source>Cancelled; %Ln file(s) written to %1.</source>
        <translation>
            <numerusform>Abgebrochen; %Ln Datei nach %1 geschrieben.</numerusform>
            <numerusform>Abgebrochen; %Ln Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/batch_export_dialog.cpp" line="187"/>
        <source>%Ln file(s) written to %1 (see index.md there).</source>
        <translation>
            <numerusform>%Ln Datei nach %1 geschrieben (siehe index.md dort).</numerusform>
            <numerusform>%Ln Dateien nach %1 geschrieben (siehe index.md dort).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="191"/>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/analysis_page.cpp" line="43"/>
        <source>%1 (seed %2)</source>
        <translation>%1 (Seed %2)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_strip.cpp" line="91"/>
        <source>log p = %L1 nats
%L2 bits/dim</source>
        <translation>log p = %L1 nats
%L2 Bits/Dim</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>No file manager could be started. The folder is:
%1</source>
        <translation>Es ließ sich kein Dateimanager starten. Der Ordner ist:
%1</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Plots: mouse wheel	zoom (over an axis: that axis only)</source>
        <translation>Diagramme: Mausrad	zoomen (über einer Achse: nur diese Achse)</translation>
    </message>
    <message>
        <source>Plots: drag (Ctrl+drag in the scatter plot)	pan</source>
        <translation>Diagramme: Ziehen (im Streudiagramm Strg+Ziehen)	verschieben</translation>
    </message>
    <message>
        <source>Plots: double-click	reset the axis ranges</source>
        <translation>Diagramme: Doppelklick	Achsenbereiche zurücksetzen</translation>
    </message>
    <message>
        <source>Plots: click a legend entry	hide or show its series</source>
        <translation>Diagramme: Klick auf einen Legendeneintrag	die Datenreihe aus- oder einblenden</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open &amp;Log Folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>&amp;About Glowscope</source>
        <translation>Ü&amp;ber Glowscope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_interaction.cpp"/>
        <source>%1: [%2, %3): %4</source>
        <translation>%1: [%2; %3): %4</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_interaction.cpp"/>
        <source>%1: %2 = %3, %4 = %5</source>
        <translation>%1: %2 = %3, %4 = %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/batch_export_dialog.cpp"/>
        <source>%1 already holds %Ln file(s); files with the same names as the export&apos;s will be replaced. Write there anyway?</source>
        <translation>
            <numerusform>%1 enthält bereits %Ln Datei; Dateien mit denselben Namen wie die des Exports werden ersetzt. Trotzdem dorthin schreiben?</numerusform>
            <numerusform>%1 enthält bereits %Ln Dateien; Dateien mit denselben Namen wie die des Exports werden ersetzt. Trotzdem dorthin schreiben?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp"/>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp"/>
        <source>Reset zoom (double-click)</source>
        <translation>Zoom zurücksetzen (Doppelklick)</translation>
    </message>
    <message>
        <location filename="../widgets/views/plot_export.cpp"/>
        <source>Logarithmic y axis</source>
        <translation>Logarithmische y-Achse</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/batch_export.cpp"/>
        <source>the folder already holds %n file(s) (e.g. %1); choose an empty folder or allow overwriting (--force)</source>
        <translation>
            <numerusform>der Ordner enthält bereits %n Datei (z. B. %1); wählen Sie einen leeren Ordner oder erlauben Sie das Überschreiben (--force)</numerusform>
            <numerusform>der Ordner enthält bereits %n Dateien (z. B. %1); wählen Sie einen leeren Ordner oder erlauben Sie das Überschreiben (--force)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glowscope::AnalysisPage</name>
    <message>
        <location filename="../widgets/analysis/analysis_page.cpp"/>
        <source>Per-pixel log-likelihood (PixelCNN++)</source>
        <translation>Log-Likelihood je Pixel (PixelCNN++)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/analysis_page.cpp" line="18"/>
        <source>Fourier mixing</source>
        <translation>Fourier-Mischung</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/analysis_page.cpp" line="19"/>
        <source>z_L swap &amp;&amp; optimisation</source>
        <translation>z_L-Tausch &amp;&amp; Optimierung</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/analysis_page.cpp" line="20"/>
        <source>Pixel-difference prior</source>
        <translation>Pixeldifferenz-Prior</translation>
    </message>
</context>
<context>
    <name>glowscope::BatchExportDialog</name>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="45"/>
        <source>CSV of each figure&apos;s data</source>
        <translation>CSV mit den Daten jeder Abbildung</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="49"/>
        <source>Export all views</source>
        <translation>Alle Ansichten exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="52"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="66"/>
        <source>Figure size…</source>
        <translation>Abbildungsgröße…</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="71"/>
        <source>Tables (CSV, Markdown, LaTeX), histograms, ROC curves, scatter plots and the correlation heat map of %1, with an index.md.</source>
        <translation>Tabellen (CSV, Markdown, LaTeX), Histogramme, ROC-Kurven, Streudiagramme und die Korrelations-Heatmap von %1, mit einer index.md.</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="76"/>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="77"/>
        <source>Formats:</source>
        <translation>Formate:</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="78"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="79"/>
        <source>Figures:</source>
        <translation>Abbildungen:</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="114"/>
        <source>%L1 × %L2 mm, PNG at %L3 dpi (%L4 × %L5 px)</source>
        <translation>%L1 × %L2 mm, PNG mit %L3 dpi (%L4 × %L5 px)</translation>
    </message>
    <message>
        <location filename="../widgets/views/batch_export_dialog.cpp" line="136"/>
        <source>Export all views to</source>
        <translation>Alle Ansichten exportieren nach</translation>
    </message>
</context>
<context>
    <name>glowscope::CorrelationHeatmapView</name>
    <message>
        <location filename="../widgets/views/correlation_heatmap_view.cpp" line="48"/>
        <source>correlation</source>
        <translation>Korrelation</translation>
    </message>
    <message>
        <location filename="../widgets/views/correlation_heatmap_view.cpp" line="100"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>No scores yet — File ▸ Open Results Folder…</source>
        <translation>Noch keine Scores — Datei ▸ Ergebnisordner öffnen…</translation>
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
    <message>
        <source>checking %1…</source>
        <translation>prüfe %1…</translation>
    </message>
    <message>
        <source>loads: %1 images (height×width×channels)</source>
        <translation>lädt: Bilder %1 (Höhe×Breite×Kanäle)</translation>
    </message>
    <message>
        <source>cannot be loaded: %1</source>
        <translation>kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The set &apos;%1&apos; cannot be loaded: %2</source>
        <translation>Die Menge „%1“ kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Still checking that &apos;%1&apos; loads; try again in a moment.</source>
        <translation>„%1“ wird noch geprüft; bitte gleich noch einmal versuchen.</translation>
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
        <translation>Datensatzverzeichnis</translation>
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
        <source>%1: mean %L2, std %L3</source>
        <translation>%1: Mittel %L2, Std.-Abw. %L3</translation>
    </message>
    <message>
        <location filename="../widgets/dataset_browser.cpp" line="401"/>
        <source>%L1 images</source>
        <translation>%L1 Bilder</translation>
    </message>
    <message>
        <source>Failed to load: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>glowscope::FeatureSwapView</name>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="31"/>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="32"/>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="33"/>
        <source>reconstruction of a</source>
        <translation>Rekonstruktion von a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="34"/>
        <source>reconstruction of b</source>
        <translation>Rekonstruktion von b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="35"/>
        <source>low a + high b</source>
        <translation>niedrig a + hoch b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="36"/>
        <source>low b + high a</source>
        <translation>niedrig b + hoch a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="42"/>
        <source>
quantised: %L1 nats
%L2 bits/dim</source>
        <translation>
quantisiert: %L1 nats
%L2 Bits/Dim</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="62"/>
        <source>Image a</source>
        <translation>Bild a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="63"/>
        <source>Image b</source>
        <translation>Bild b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="65"/>
        <source>Swap when the inputs change</source>
        <translation>Bei geänderten Eingaben tauschen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="67"/>
        <source>Swap</source>
        <translation>Tauschen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="68"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="69"/>
        <source>Save images…</source>
        <translation>Bilder speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="70"/>
        <source>Copy images</source>
        <translation>Bilder kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="74"/>
        <source>Feature swap</source>
        <translation>Merkmalstausch</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="75"/>
        <source>Fixed-z_L optimisation</source>
        <translation>Optimierung bei festem z_L</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="110"/>
        <source>High level from z_h, h =</source>
        <translation>Hohe Ebene ab z_h, h =</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="113"/>
        <source>Latents z_h..z_L count as high level (swapped, and fixed while optimising); the paper uses only z_L</source>
        <translation>Die latenten Variablen z_h..z_L zählen zur hohen Ebene (werden getauscht und beim Optimieren festgehalten); der Artikel verwendet nur z_L</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="138"/>
        <source>low a + high b = inverse(z_1..z_{h-1} of a, z_h..z_L of b). log p: a, b from the forward pass, generated images from the inverse pass; quantised: the 8-bit image scored again. bits/dim = 8 − log p / (D ln 2).</source>
        <translation>niedrig a + hoch b = inverse(z_1..z_{h-1} von a, z_h..z_L von b). log p: a, b aus dem Vorwärtsdurchlauf, erzeugte Bilder aus dem inversen Durchlauf; quantisiert: das 8-Bit-Bild erneut bewertet. Bits/Dim = 8 − log p / (D ln 2).</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="187"/>
        <source>a: %1</source>
        <translation>a: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="187"/>
        <source>b: %1</source>
        <translation>b: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="207"/>
        <source>z_%1</source>
        <translation>z_%1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="208"/>
        <source>z_%1..z_%2</source>
        <translation>z_%1..z_%2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="210"/>
        <source>a = %1, b = %2; high level %3</source>
        <translation>a = %1, b = %2; hohe Ebene %3</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="233"/>
        <source>Swap failed: %1</source>
        <translation>Tausch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="274"/>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="280"/>
        <source>Save images</source>
        <translation>Bilder speichern</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/feature_swap_view.cpp" line="274"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>glowscope::FigureOptionsDialog</name>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="30"/>
        <source>Figure size</source>
        <translation>Abbildungsgröße</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="32"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="37"/>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="38"/>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="39"/>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="40"/>
        <source>PNG resolution:</source>
        <translation>PNG-Auflösung:</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp" line="71"/>
        <source>%L1 × %L2 in; PNG %L3 × %L4 px</source>
        <translation>%L1 × %L2 Zoll; PNG %L3 × %L4 px</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Show the title line</source>
        <translation>Titelzeile anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Logarithmic x</source>
        <translation>Logarithmisches x</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Logarithmic y</source>
        <translation>Logarithmisches y</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Dark canvas (as the dark theme; papers want light)</source>
        <translation>Dunkle Zeichenfläche (wie das dunkle Design; für Artikel besser hell)</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Figure</source>
        <translation>Abbildung</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Single column (85 × 60 mm, 8 pt)</source>
        <translation>Einspaltig (85 × 60 mm, 8 pt)</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>1.5 column (120 × 80 mm, 8 pt)</source>
        <translation>1,5-spaltig (120 × 80 mm, 8 pt)</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Double column (175 × 110 mm, 9 pt)</source>
        <translation>Zweispaltig (175 × 110 mm, 9 pt)</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Automatic (inside where it covers no data, else below)</source>
        <translation>Automatisch (innen, wo sie keine Daten verdeckt, sonst darunter)</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Inside (fewest data covered)</source>
        <translation>Innen (wenigste Daten verdeckt)</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Below the plot</source>
        <translation>Unter dem Diagramm</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Right of the plot</source>
        <translation>Rechts vom Diagramm</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Font (labels; ticks and legend 1 pt less):</source>
        <translation>Schrift (Beschriftungen; Teilstriche und Legende 1 pt kleiner):</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>Legend:</source>
        <translation>Legende:</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>x axis from:</source>
        <translation>x-Achse von:</translation>
    </message>
    <message>
        <location filename="../widgets/views/figure_options_dialog.cpp"/>
        <source>y axis from:</source>
        <translation>y-Achse von:</translation>
    </message>
</context>
<context>
    <name>glowscope::FourierMixingView</name>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="54"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="72"/>
        <source>Image i of A is mixed with image i of B for i &lt; n</source>
        <translation>Bild i von A wird mit Bild i von B gemischt, für i &lt; n</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="73"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="74"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="77"/>
        <source>Choose two sets and press Run.</source>
        <translation>Wählen Sie zwei Mengen und klicken Sie auf „Ausführen“.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="92"/>
        <source>log p(source image) [nats]</source>
        <translation>log p(Quellbild) [nats]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="93"/>
        <source>log p(mixed image) [nats]</source>
        <translation>log p(gemischtes Bild) [nats]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="98"/>
        <source>Amplitudes of A:</source>
        <translation>Amplituden von A:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="100"/>
        <source>Phases of B:</source>
        <translation>Phasen von B:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="102"/>
        <source>Pairs n:</source>
        <translation>Paare n:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="137"/>
        <source>The model is still loading; run again soon.</source>
        <translation>Das Modell wird noch geladen; führen Sie es gleich noch einmal aus.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="138"/>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="164"/>
        <source>Choose a model first.</source>
        <translation>Wählen Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="145"/>
        <source>Loading %1 and %2…</source>
        <translation>Lade %1 und %2…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="171"/>
        <source>Mixing and scoring %1 pairs…</source>
        <translation>Mische und bewerte %1 Paare…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="199"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="210"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="212"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="215"/>
        <source>%L1 pairs; %L2% of the mixed sub-pixels were clipped to 0..255 before rounding. Points near the dashed diagonal have log p(mix) = log p(source).</source>
        <translation>%L1 Paare; %L2 % der gemischten Subpixel wurden vor dem Runden auf 0..255 abgeschnitten. Punkte nahe der gestrichelten Diagonale haben log p(Mischung) = log p(Quelle).</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="227"/>
        <source>Mix amplitudes of A with phases of B, then press Run</source>
        <translation>Amplituden von A mit Phasen von B mischen, dann auf „Ausführen“ klicken</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="246"/>
        <source>vs amplitude source (%1): Spearman ρ = %2</source>
        <translation>gegen Amplitudenquelle (%1): Spearman-ρ = %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="250"/>
        <source>vs phase source (%1): Spearman ρ = %2</source>
        <translation>gegen Phasenquelle (%1): Spearman-ρ = %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_batch.cpp" line="257"/>
        <source>log p of the mixes (amplitudes of %1, phases of %2), n = %3</source>
        <translation>log p der Mischungen (Amplituden von %1, Phasen von %2), n = %3</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="36"/>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="36"/>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="37"/>
        <source>amplitude a + phase b</source>
        <translation>Amplitude a + Phase b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="38"/>
        <source>amplitude b + phase a</source>
        <translation>Amplitude b + Phase a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="136"/>
        <source>clip and round</source>
        <translation>abschneiden und runden</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="137"/>
        <source>rescale min–max and round</source>
        <translation>Min–Max reskalieren und runden</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="140"/>
        <source>How the real-valued mix returns to 8 bits: clip to 0..255 (keeps the intensity scale) or map its min..max to 0..255</source>
        <translation>Wie die reellwertige Mischung auf 8 Bit zurückgeführt wird: auf 0..255 abschneiden (behält die Intensitätsskala) oder ihr Min..Max auf 0..255 abbilden</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="144"/>
        <source>Quantisation:</source>
        <translation>Quantisierung:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="147"/>
        <source>Single pair</source>
        <translation>Einzelnes Paar</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="148"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="161"/>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="171"/>
        <source>Image a</source>
        <translation>Bild a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="172"/>
        <source>Image b</source>
        <translation>Bild b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="180"/>
        <source>Amplitude/phase mixing (right-click to export)</source>
        <translation>Amplituden-/Phasenmischung (Rechtsklick zum Exportieren)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="182"/>
        <source>image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="182"/>
        <source>log(1 + |DFT|)
(centred)</source>
        <translation>log(1 + |DFT|)
(zentriert)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="182"/>
        <source>log p</source>
        <translation>log p</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="219"/>
        <source>Save images as PNG…</source>
        <translation>Bilder als PNG speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="220"/>
        <source>Copy images</source>
        <translation>Bilder kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="225"/>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="231"/>
        <source>Save images</source>
        <translation>Bilder speichern</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="225"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="287"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="289"/>
        <source>model loading…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="289"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="290"/>
        <source>%L1 nats
%L2 bits/dim</source>
        <translation>%L1 nats
%L2 Bits/Dim</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="296"/>
        <source>Cannot mix: %1</source>
        <translation>Mischen nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="297"/>
        <source>Choose two images.</source>
        <translation>Wählen Sie zwei Bilder.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/fourier_mixing_view.cpp" line="298"/>
        <source>Clipped to 0..255 before rounding: %L1% of amplitude a + phase b, %L2% of amplitude b + phase a. Images at %3×%4×%5 (the model&apos;s input size).</source>
        <translation>Vor dem Runden auf 0..255 abgeschnitten: %L1 % von Amplitude a + Phase b, %L2 % von Amplitude b + Phase a. Bilder in %3×%4×%5 (Eingabegröße des Modells).</translation>
    </message>
    <message>
        <source>No mixes scored yet</source>
        <translation>Noch keine Mischungen bewertet</translation>
    </message>
</context>
<context>
    <name>glowscope::ImagePicker</name>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="30"/>
        <source>Random</source>
        <translation>Zufällig</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="31"/>
        <source>Pick a random image of the set</source>
        <translation>Ein zufälliges Bild der Menge wählen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="40"/>
        <source>Set:</source>
        <translation>Menge:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="42"/>
        <source>Image:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="112"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="133"/>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="143"/>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp" line="144"/>
        <source>, label %1</source>
        <translation>, Label %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/image_picker.cpp"/>
        <source>Index of the image in the set</source>
        <translation>Index des Bildes in der Menge</translation>
    </message>
</context>
<context>
    <name>glowscope::ImageSetCache</name>
    <message>
        <location filename="../widgets/analysis/image_set_cache.cpp" line="69"/>
        <source>no images</source>
        <translation>keine Bilder</translation>
    </message>
</context>
<context>
    <name>glowscope::LatentOptimisationView</name>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="57"/>
        <source>Optimise</source>
        <translation>Optimieren</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="58"/>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="387"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="59"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="60"/>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="390"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="61"/>
        <source>Export plot…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="62"/>
        <source>Save snapshots…</source>
        <translation>Zwischenstände speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="80"/>
        <source>Keeps z_L (the high-level latents) of a and b fixed and maximises log p over the other latents (Fig. 3B).</source>
        <translation>Hält z_L (die latenten Variablen der hohen Ebene) von a und b fest und maximiert log p über die übrigen latenten Variablen (Abb. 3B).</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="85"/>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="430"/>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="85"/>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="430"/>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="105"/>
        <source>In latent units (~N(0, 1)); SGD needs ~1e-3 or less</source>
        <translation>In latenten Einheiten (~N(0, 1)); SGD braucht ~1e-3 oder weniger</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="106"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="106"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="109"/>
        <source>Show and keep the images every k steps</source>
        <translation>Die Bilder alle k Schritte anzeigen und behalten</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="115"/>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="116"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="117"/>
        <source>Optimiser:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="118"/>
        <source>Update every:</source>
        <translation>Aktualisieren alle:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="131"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="132"/>
        <source>log p (nats)</source>
        <translation>log p (nats)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="144"/>
        <source>Scrub through the stored snapshots</source>
        <translation>Durch die gespeicherten Zwischenstände blättern</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="224"/>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="323"/>
        <source>step %1
</source>
        <translation>Schritt %1
</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="329"/>
        <source>step %1 / %2</source>
        <translation>Schritt %1 / %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="352"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="352"/>
        <source>resuming…</source>
        <translation>wird fortgesetzt…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="357"/>
        <source>stopping…</source>
        <translation>wird angehalten…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="364"/>
        <source>Optimisation failed: %1</source>
        <translation>Optimierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="369"/>
        <source>%1: %L2 → %L3 nats</source>
        <translation>%1: %L2 → %L3 nats</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="373"/>
        <source>Done, %1 steps. </source>
        <translation>Fertig, %1 Schritte. </translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="373"/>
        <source>Stopped at step %1. </source>
        <translation>Bei Schritt %1 angehalten. </translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="377"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="377"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="377"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="387"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="390"/>
        <source>Stop playing</source>
        <translation>Wiedergabe anhalten</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="430"/>
        <source>%1, step %2</source>
        <translation>%1, Schritt %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="449"/>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="455"/>
        <source>Save snapshots</source>
        <translation>Zwischenstände speichern</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/latent_optimisation_view.cpp" line="449"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>No optimisation yet: press Optimise</source>
        <translation>Noch keine Optimierung: Optimieren drücken</translation>
    </message>
</context>
<context>
    <name>glowscope::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="40"/>
        <source>Glowscope</source>
        <translation>Glowscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="48"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>LibTorch %1 · %2 · %3 of %4 threads</source>
        <translation>LibTorch %1 · %2 · %3 von %4 Threads</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="57"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="74"/>
        <location filename="../app/gui/main_window.cpp" line="229"/>
        <source>&amp;Datasets</source>
        <translation>&amp;Datensätze</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <location filename="../app/gui/main_window.cpp" line="231"/>
        <source>T&amp;raining</source>
        <translation>T&amp;raining</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="82"/>
        <source>&amp;Results</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="100"/>
        <source>Run %1: %2</source>
        <translation>Lauf %1: %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="109"/>
        <source>Cannot open results</source>
        <translation>Ergebnisse können nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="114"/>
        <source>Results: %1</source>
        <translation>Ergebnisse: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="122"/>
        <source>Open a results folder</source>
        <translation>Ergebnisordner öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="135"/>
        <location filename="../app/gui/main_window.cpp" line="236"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Analyse</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="160"/>
        <source>Export All &amp;Views…</source>
        <translation>Alle &amp;Ansichten exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="198"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="201"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="211"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="214"/>
        <source>Open &amp;Results Folder…</source>
        <translation>&amp;Ergebnisordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="218"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="222"/>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="226"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="233"/>
        <source>R&amp;esults</source>
        <translation>&amp;Ergebnisse</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="240"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="242"/>
        <source>&amp;About Glowscope</source>
        <translation>Ü&amp;ber Glowscope</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="244"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="267"/>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="268"/>
        <source>%n run(s) are training. Stop them after the current step and write resumable checkpoints?</source>
        <translation>
            <numerusform>%n Lauf trainiert. Nach dem aktuellen Schritt anhalten und einen fortsetzbaren Checkpoint schreiben?</numerusform>
            <numerusform>%n Läufe trainieren. Nach dem aktuellen Schritt anhalten und fortsetzbare Checkpoints schreiben?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="276"/>
        <source>Stopping training and writing checkpoints…</source>
        <translation>Training wird angehalten, Checkpoints werden geschrieben…</translation>
    </message>
    <message>
        <source>&amp;Start Page</source>
        <translation>&amp;Startseite</translation>
    </message>
</context>
<context>
    <name>glowscope::ModelPage</name>
    <message>
        <location filename="../widgets/wizard_pages.cpp"/>
        <source>PixelCNN++ (autoregressive)</source>
        <translation>PixelCNN++ (autoregressiv)</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp"/>
        <source>%L1 parameters; %2 blocks per stage, %3 filters, %4 logistics</source>
        <translation>%L1 Parameter; %2 Blöcke je Stufe, %3 Filter, %4 logistische Komponenten</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="168"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_pages.cpp" line="170"/>
        <source>A Glow flow: multi-scale convolutional, fully connected (dense) or local (one small Glow on every patch); or PixelCNN++, an autoregressive model with per-pixel log-likelihoods (no scales).</source>
        <translation>Ein Glow-Flow: mehrskalig faltend, vollständig verbunden (dense) oder lokal (ein kleiner Glow je Bildausschnitt); oder PixelCNN++, ein autoregressives Modell mit Log-Likelihoods je Pixel (ohne Skalen).</translation>
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
    <name>glowscope::ModelPicker</name>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="21"/>
        <source>Load model file…</source>
        <translation>Modelldatei laden…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="22"/>
        <location filename="../widgets/analysis/model_picker.cpp" line="85"/>
        <source>No model chosen</source>
        <translation>Kein Modell gewählt</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="27"/>
        <source>Choose a model.glow file saved by Glowscope</source>
        <translation>Eine von Glowscope gespeicherte model.glow-Datei wählen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="32"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="72"/>
        <source>Load model file</source>
        <translation>Modelldatei laden</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="73"/>
        <source>Glow models (*.glow);;All files (*)</source>
        <translation>Glow-Modelle (*.glow);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="88"/>
        <source>Loading %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp" line="116"/>
        <source>Cannot load the model: %1</source>
        <translation>Das Modell kann nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/model_picker.cpp"/>
        <source>%1 Glow, %2 scales × %3 steps, hidden %4, %5×%6×%7, %L8 parameters</source>
        <translation>%1-Glow, %2 Skalen × %3 Schritte, %4 verborgene Kanäle, %5×%6×%7, %L8 Parameter</translation>
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
    <name>glowscope::PixelLikelihoodMapView</name>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>PixelCNN++ model:</source>
        <translation>PixelCNN++-Modell:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>General model:</source>
        <translation>Allgemeines Modell:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>Compute maps</source>
        <translation>Karten berechnen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>Choose a PixelCNN++ model and an image (flows have no per-pixel terms).</source>
        <translation>Wählen Sie ein PixelCNN++-Modell und ein Bild (Flows haben keine Terme je Pixel).</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>image (grey level)</source>
        <translation>Bild (Grauwert)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>log P per pixel (nats)</source>
        <translation>log P je Pixel (nats)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>model − general (nats)</source>
        <translation>Modell − allgemein (nats)</translation>
    </message>
    <message>
        <source>image
(grey level)</source>
        <translation>Bild
(Grauwert)</translation>
    </message>
    <message>
        <source>log P per pixel
(nats)</source>
        <translation>log P je Pixel
(nats)</translation>
    </message>
    <message>
        <source>log ratio to
general (nats)</source>
        <translation>log-Verhältnis zum
allgemeinen (nats)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>No model chosen.</source>
        <translation>Kein Modell gewählt.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>The image set is not loaded yet.</source>
        <translation>Die Bildmenge ist noch nicht geladen.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>Computing…</source>
        <translation>Berechne …</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>%1: log P = %L2 nats</source>
        <translation>%1: log P = %L2 nats</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_likelihood_map_view.cpp"/>
        <source>%1: log P = %L2 nats, model − general = %L3 nats</source>
        <translation>%1: log P = %L2 nats, Modell − allgemein = %L3 nats</translation>
    </message>
    <message>
        <source>No maps yet: press Compute maps</source>
        <translation>Noch keine Karten: Karten berechnen drücken</translation>
    </message>
</context>
<context>
    <name>glowscope::PixelPriorView</name>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="65"/>
        <source>fitting the prior</source>
        <translation>Prior anpassen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="78"/>
        <source>%1: histogram</source>
        <translation>%1: Histogramm</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="82"/>
        <source>%1: pseudo-likelihoods</source>
        <translation>%1: Pseudo-Likelihoods</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="88"/>
        <source>%1: Glow log p</source>
        <translation>%1: Glow log p</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="98"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="164"/>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="177"/>
        <source>The set whose difference histogram gives the pseudo-likelihoods</source>
        <translation>Die Menge, deren Differenzhistogramm die Pseudo-Likelihoods liefert</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="182"/>
        <source>The first n images of each set (the shared image cache holds at most %L1 per set)</source>
        <translation>Die ersten n Bilder jeder Menge (der gemeinsame Bild-Cache hält höchstens %L1 je Menge)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="188"/>
        <source>8 neighbours</source>
        <translation>8 Nachbarn</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="189"/>
        <source>3×3 with centre</source>
        <translation>3×3 mit Zentrum</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="190"/>
        <source>d = pixel − mean of this neighbourhood</source>
        <translation>d = Pixel − Mittel dieser Nachbarschaft</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="192"/>
        <source>reflect-101</source>
        <translation>reflect-101</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="193"/>
        <source>replicate</source>
        <translation>replizieren</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="194"/>
        <source>exclude border</source>
        <translation>Rand ausschließen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="199"/>
        <source>Added to every bin&apos;s count: empty bins keep a finite log density</source>
        <translation>Wird zur Zählung jedes Bins addiert: Leere Bins behalten eine endliche Log-Dichte</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="200"/>
        <source>Logarithmic density axis</source>
        <translation>Logarithmische Dichteachse</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="201"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="202"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="205"/>
        <source>Check the sets to compare and press Run.</source>
        <translation>Markieren Sie die zu vergleichenden Mengen und klicken Sie auf „Ausführen“.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="210"/>
        <source>Sets:</source>
        <translation>Mengen:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="211"/>
        <source>Images per set:</source>
        <translation>Bilder je Menge:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="212"/>
        <source>Prior fitted on:</source>
        <translation>Prior angepasst auf:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="213"/>
        <source>Bins:</source>
        <translation>Bins:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="214"/>
        <source>Neighbourhood:</source>
        <translation>Nachbarschaft:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="215"/>
        <source>Border:</source>
        <translation>Rand:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="216"/>
        <source>Pseudo-count:</source>
        <translation>Pseudocount:</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="235"/>
        <source>probability density [per unit of d]</source>
        <translation>Wahrscheinlichkeitsdichte [je Einheit von d]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="307"/>
        <source>Check at least one set and choose the prior set.</source>
        <translation>Markieren Sie mindestens eine Menge und wählen Sie die Prior-Menge.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="313"/>
        <source>Loading the sets…</source>
        <translation>Lade die Mengen…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="336"/>
        <source>Computing…</source>
        <translation>Berechne…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="337"/>
        <source>Computing without a model (no Glow log p; choose a model first for the scatter)…</source>
        <translation>Berechne ohne Modell (kein Glow log p; wählen Sie zuerst ein Modell für das Streudiagramm)…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="362"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="373"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="375"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="377"/>
        <source>%1 set(s), up to %L2 images each; prior: %3 (%L4 differences, bin width %L5).</source>
        <translation>%1 Menge(n), je bis zu %L2 Bilder; Prior: %3 (%L4 Differenzen, Bin-Breite %L5).</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="384"/>
        <source> No model: no Glow log p.</source>
        <translation> Kein Modell: kein Glow log p.</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="403"/>
        <source>d = pixel − mean of its 3×3 block [grey level/256]</source>
        <translation>d = Pixel − Mittel seines 3×3-Blocks [Graustufe/256]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="404"/>
        <source>d = pixel − mean of its 8 neighbours [grey level/256]</source>
        <translation>d = Pixel − Mittel seiner 8 Nachbarn [Graustufe/256]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="424"/>
        <source>%1 (prior)</source>
        <translation>%1 (Prior)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="427"/>
        <source>Local pixel differences (bins of the %1 prior)</source>
        <translation>Lokale Pixeldifferenzen (Bins des Priors auf %1)</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="428"/>
        <source>Local pixel differences: press Run</source>
        <translation>Lokale Pixeldifferenzen: auf „Ausführen“ klicken</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="438"/>
        <source>pseudo log-likelihood [nats]</source>
        <translation>Pseudo-Log-Likelihood [nats]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="439"/>
        <source>pseudo log-likelihood, %1 prior [nats]</source>
        <translation>Pseudo-Log-Likelihood, Prior auf %1 [nats]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="440"/>
        <source>Glow log p(x) [nats]</source>
        <translation>Glow log p(x) [nats]</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="447"/>
        <source>%1: Spearman ρ = %2</source>
        <translation>%1: Spearman-ρ = %2</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="461"/>
        <source>Pseudo-likelihood vs Glow log p</source>
        <translation>Pseudo-Likelihood vs. Glow log p</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="463"/>
        <source>Glow log p (%1) vs pseudo-likelihood</source>
        <translation>Glow log p (%1) vs. Pseudo-Likelihood</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp" line="465"/>
        <source>Choose a model to compare with Glow log p</source>
        <translation>Wählen Sie ein Modell für den Vergleich mit Glow log p</translation>
    </message>
    <message>
        <source>Nothing computed yet</source>
        <translation>Noch nichts berechnet</translation>
    </message>
    <message>
        <location filename="../widgets/analysis/pixel_prior_view.cpp"/>
        <source>Pixel differences (prior: %1)</source>
        <translation>Pixeldifferenzen (Prior: %1)</translation>
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
    <message>
        <source>No project is open: choose an empty folder to save a new project in</source>
        <translation>Kein Projekt geöffnet: Wählen Sie einen leeren Ordner, um darin ein neues Projekt zu speichern</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Projekt speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Copy the project with its runs&apos; folders (checkpoints, metrics) into a new folder and continue there</source>
        <translation>Das Projekt mit den Ordnern seiner Läufe (Checkpoints, Metriken) in einen neuen Ordner kopieren und dort weiterarbeiten</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Nothing was deleted.

%1</source>
        <translation>Es wurde nichts gelöscht.

%1</translation>
    </message>
    <message>
        <source>%1-copy</source>
        <translation>%1-Kopie</translation>
    </message>
    <message>
        <source>glowscope-project</source>
        <translation>glowscope-projekt</translation>
    </message>
    <message>
        <source>Save project as: name a new (or empty) folder</source>
        <translation>Projekt speichern unter: einen neuen (oder leeren) Ordner nennen</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Nothing was copied.

%1</source>
        <translation>Es wurde nichts kopiert.

%1</translation>
    </message>
    <message>
        <source>Copying the project to %1…</source>
        <translation>Das Projekt wird nach %1 kopiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The project was not copied; nothing was changed.

%1</source>
        <translation>Das Projekt wurde nicht kopiert; nichts wurde geändert.

%1</translation>
    </message>
</context>
<context>
    <name>glowscope::RemoveRunDialog</name>
    <message>
        <source>Remove run</source>
        <translation>Lauf entfernen</translation>
    </message>
    <message>
        <source>Remove run &lt;b&gt;%1&lt;/b&gt; from the list?</source>
        <translation>Lauf &lt;b&gt;%1&lt;/b&gt; aus der Liste entfernen?</translation>
    </message>
    <message>
        <source>Its files stay, and &lt;i&gt;Show removed runs&lt;/i&gt; lists it again to restore it.</source>
        <translation>Seine Dateien bleiben, und &lt;i&gt;Entfernte Läufe zeigen&lt;/i&gt; führt ihn wieder auf, um ihn wiederherzustellen.</translation>
    </message>
    <message>
        <source>Also &amp;delete its files (checkpoints, metrics, model)</source>
        <translation>Auch seine Dateien &amp;löschen (Checkpoints, Metriken, Modell)</translation>
    </message>
    <message>
        <source>The folder %1 and everything in it will be deleted. This cannot be undone.</source>
        <translation>Der Ordner %1 und alles darin wird gelöscht. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Remove and Delete &amp;Files</source>
        <translation>Entfernen und &amp;Dateien löschen</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>glowscope::ResultsBrowser</name>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="46"/>
        <source>No results folder open.</source>
        <translation>Kein Ergebnisordner geöffnet.</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="64"/>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="70"/>
        <source>Score:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="70"/>
        <source>Histogram &amp;&amp; ROC</source>
        <translation>Histogramm &amp;&amp; ROC</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="71"/>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="71"/>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="71"/>
        <source>Scatter</source>
        <translation>Streudiagramm</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="72"/>
        <source>Correlations</source>
        <translation>Korrelationen</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="75"/>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="104"/>
        <source>%1 — %2 as in-distribution, %L3 OOD sets, %L4 scores</source>
        <translation>%1 — %2 als In-Distribution, %L3 OOD-Mengen, %L4 Scores</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_browser.cpp" line="200"/>
        <source>Spearman ρ between scores on %1</source>
        <translation>Spearman-ρ zwischen den Scores auf %1</translation>
    </message>
</context>
<context>
    <name>glowscope::ResultsTableView</name>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="68"/>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="72"/>
        <source>Copy LaTeX</source>
        <translation>LaTeX kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="73"/>
        <source>Copy Markdown</source>
        <translation>Markdown kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="74"/>
        <source>Copy CSV</source>
        <translation>CSV kopieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="80"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="162"/>
        <location filename="../widgets/views/results_table_view.cpp" line="172"/>
        <source>Save table</source>
        <translation>Tabelle speichern</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp" line="163"/>
        <source>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</source>
        <translation>LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Copy the table as LaTeX; the arrow chooses rules and layout</source>
        <translation>Tabelle als LaTeX kopieren; der Pfeil wählt Linien und Anordnung</translation>
    </message>
    <message>
        <source>Plain rules (\hline, no packages needed)</source>
        <translation>Einfache Linien (\hline, keine Pakete nötig)</translation>
    </message>
    <message>
        <source>Without it the table uses booktabs rules (\usepackage{booktabs})</source>
        <translation>Ohne diese Option nutzt die Tabelle booktabs-Linien (\usepackage{booktabs})</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Anordnung</translation>
    </message>
    <message>
        <source>Automatic (transposed or split when too wide)</source>
        <translation>Automatisch (transponiert oder geteilt, wenn zu breit)</translation>
    </message>
    <message>
        <source>Wide (rows: OOD sets)</source>
        <translation>Breit (Zeilen: OOD-Datensätze)</translation>
    </message>
    <message>
        <source>Transposed (rows: scores)</source>
        <translation>Transponiert (Zeilen: Scores)</translation>
    </message>
    <message>
        <source>Split into blocks of columns</source>
        <translation>In Spaltenblöcke geteilt</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>%1 of %2, %3 as in-distribution, seeds %4</source>
        <translation>%1 von %2, %3 als In-Distribution, Seeds %4</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>in-distribution = positive</source>
        <translation>In-Distribution = positiv</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>out-of-distribution = positive</source>
        <translation>Out-of-Distribution = positiv</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>higher score = more in-distribution</source>
        <translation>höherer Score = eher In-Distribution</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>higher score = more out-of-distribution</source>
        <translation>höherer Score = eher Out-of-Distribution</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>Convention: %1; %2</source>
        <translation>Konvention: %1; %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>Not ranked: %1 — %2</source>
        <translation>Nicht gewertet: %1 — %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>%1, higher is better; best of each row in bold; mean ± sd over seeds</source>
        <translation>%1, höher ist besser; bester Wert jeder Zeile fett; Mittel ± Std.-Abw. über Seeds</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>%1, higher is better; best of each row in bold</source>
        <translation>%1, höher ist besser; bester Wert jeder Zeile fett</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>%1, lower is better; best of each row in bold; mean ± sd over seeds</source>
        <translation>%1, niedriger ist besser; bester Wert jeder Zeile fett; Mittel ± Std.-Abw. über Seeds</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>%1, lower is better; best of each row in bold</source>
        <translation>%1, niedriger ist besser; bester Wert jeder Zeile fett</translation>
    </message>
    <message>
        <location filename="../widgets/views/results_table_view.cpp"/>
        <source>There is no table to save: open a results folder first.</source>
        <translation>Es gibt keine Tabelle zu speichern: Öffnen Sie zuerst einen Ergebnisordner.</translation>
    </message>
</context>
<context>
    <name>glowscope::RocCurveView</name>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="51"/>
        <source>false positive rate (OOD accepted)</source>
        <translation>Falsch-Positiv-Rate (OOD akzeptiert)</translation>
    </message>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="52"/>
        <source>true positive rate (in-distribution accepted)</source>
        <translation>Richtig-Positiv-Rate (In-Distribution akzeptiert)</translation>
    </message>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="64"/>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <location filename="../widgets/views/roc_curve_view.cpp" line="72"/>
        <source>%1 (AUROC %L2%)</source>
        <translation>%1 (AUROC %L2 %)</translation>
    </message>
    <message>
        <source>No scores yet — File ▸ Open Results Folder…</source>
        <translation>Noch keine Scores — Datei ▸ Ergebnisordner öffnen…</translation>
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
        <location filename="../widgets/wizard_run_pages.cpp" line="226"/>
        <source>constant</source>
        <translation>konstant</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="226"/>
        <source>cosine decay to zero</source>
        <translation>Kosinus-Abfall auf null</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="226"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="226"/>
        <source>Polyak averaging: an exponential moving average of the weights with this decay; evaluation and the saved model use it. 0.99 averages over roughly the last 100 steps.</source>
        <translation>Polyak-Mittelung: ein exponentiell gleitendes Mittel der Gewichte mit diesem Abklingfaktor; die Auswertung und das gespeicherte Modell verwenden es. 0,99 mittelt etwa über die letzten 100 Schritte.</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="226"/>
        <source>Learning-rate sch&amp;edule:</source>
        <translation>Lernraten-V&amp;erlauf:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="226"/>
        <source>Weight &amp;averaging (decay):</source>
        <translation>Gewichts&amp;mittelung (Abklingfaktor):</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="243"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Seed:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="244"/>
        <source>T&amp;hreads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="265"/>
        <source>Pr&amp;ocesses:</source>
        <translation>Pr&amp;ozesse:</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="243"/>
        <source>Data-parallel processes on this machine: each trains on its share of every batch and the threads are split between them (docs/scaling-out.md).</source>
        <translation>Datenparallele Prozesse auf diesem Rechner: Jeder trainiert auf seinem Anteil jedes Batches, und die Threads werden unter ihnen aufgeteilt (docs/scaling-out.md).</translation>
    </message>
    <message>
        <location filename="../widgets/wizard_run_pages.cpp" line="295"/>
        <source>The batch size must be a multiple of the number of processes: each process takes an equal share of every batch.</source>
        <translation>Die Batchgröße muss ein Vielfaches der Zahl der Prozesse sein: Jeder Prozess nimmt einen gleich großen Anteil jedes Batches.</translation>
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
        <translation>Automatischer Bereich</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="57"/>
        <source>over all values</source>
        <translation>über alle Werte</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="57"/>
        <source>without 1% tails</source>
        <translation>ohne 1-%-Ränder</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="57"/>
        <source>over in-distribution</source>
        <translation>über In-Distribution</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="69"/>
        <source>density</source>
        <translation>Dichte</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="75"/>
        <source>Bins:</source>
        <translation>Bins:</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="79"/>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp" line="81"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Show all values (%L1 outside)</source>
        <translation>Alle Werte zeigen (%L1 außerhalb)</translation>
    </message>
    <message>
        <source>Back to the range before</source>
        <translation>Zurück zum vorigen Bereich</translation>
    </message>
    <message>
        <source>The range before all values were shown</source>
        <translation>Der Bereich, bevor alle Werte gezeigt wurden</translation>
    </message>
    <message>
        <source>A range over every finite value of every set</source>
        <translation>Ein Bereich über alle endlichen Werte aller Datensätze</translation>
    </message>
    <message>
        <source>No scores yet — File ▸ Open Results Folder…</source>
        <translation>Noch keine Scores — Datei ▸ Ergebnisordner öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>%1: %L2 images in this bin</source>
        <translation>%1: %L2 Bilder in diesem Bin</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>%1, bin [%L2, %L3): %4</source>
        <translation>%1, Bin [%L2; %L3): %4</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>%L1 images</source>
        <translation>%L1 Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>1 image</source>
        <translation>1 Bild</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>in-distribution</source>
        <translation>In-Distribution</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>AUROC %L1%</source>
        <translation>AUROC %L1 %</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>n = %L1</source>
        <translation>n = %L1</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>%L1 outside the range</source>
        <translation>%L1 außerhalb des Bereichs</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>%L1 not finite</source>
        <translation>%L1 nicht endlich</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_histogram_view.cpp"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>glowscope::ScoreScatterView</name>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="131"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="132"/>
        <source>%1 vs %2 — Spearman ρ = %3</source>
        <translation>%1 vs. %2 — Spearman-ρ = %3</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="164"/>
        <source>%1: %2 images — %3</source>
        <translation>%1: %2 Bilder — %3</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp" line="214"/>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>Drag a rectangle over points to see their images and scores here (Ctrl+drag pans).</source>
        <translation>Ein Rechteck über Punkte ziehen, um hier ihre Bilder und Scores zu sehen (Strg+Ziehen verschiebt).</translation>
    </message>
    <message>
        <source>No points in the rectangle.</source>
        <translation>Keine Punkte im Rechteck.</translation>
    </message>
    <message>
        <source>1 point selected (%1)</source>
        <translation>1 Punkt ausgewählt (%1)</translation>
    </message>
    <message>
        <source>%L1 points selected (%2)</source>
        <translation>%L1 Punkte ausgewählt (%2)</translation>
    </message>
    <message>
        <source>; the first %L1 are shown</source>
        <translation>; die ersten %L1 werden gezeigt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 #%2
%3 = %L4
%5 = %L6</source>
        <translation>%1 #%2
%3 = %L4
%5 = %L6</translation>
    </message>
    <message>
        <source> (outside the axes)</source>
        <translation> (außerhalb der Achsen)</translation>
    </message>
    <message>
        <source>No scores yet — File ▸ Open Results Folder…</source>
        <translation>Noch keine Scores — Datei ▸ Ergebnisordner öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp"/>
        <source>%1 (%L2 of %L3 outside, on the edge)</source>
        <translation>%1 (%L2 von %L3 außerhalb, am Rand)</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp"/>
        <source>%1: %L2</source>
        <translation>%1: %L2</translation>
    </message>
    <message>
        <location filename="../widgets/views/score_scatter_view.cpp"/>
        <source>%1 outside the axes, clamped to the edge</source>
        <translation>%1 außerhalb der Achsen, an den Rand gesetzt</translation>
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
    <message>
        <source>What will be trained, on what, for how long and where the files go.</source>
        <translation>Was trainiert wird, worauf, wie lange und wohin die Dateien gehen.</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>JSO&amp;N (glowscope-cli train --config)</source>
        <translation>JSO&amp;N (glowscope-cli train --config)</translation>
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
    <message>
        <location filename="../app/gui/training_controller.cpp" line="166"/>
        <source>%1 runs on several processes and cannot pause: stop it and resume it later</source>
        <translation>%1 läuft in mehreren Prozessen und kann nicht pausieren: Stoppen Sie den Lauf und setzen Sie ihn später fort</translation>
    </message>
    <message>
        <source>%1 ended before its first checkpoint</source>
        <translation>%1 endete vor seinem ersten Checkpoint</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Edit and restart %1</source>
        <translation>%1 bearbeiten und neu starten</translation>
    </message>
    <message>
        <source>The run&apos;s configuration (as glowscope-cli train --config takes it). It trains again from step 0; its earlier curves are replaced.</source>
        <translation>Die Konfiguration des Laufs (wie glowscope-cli train --config sie liest). Er trainiert erneut ab Schritt 0; seine bisherigen Kurven werden ersetzt.</translation>
    </message>
    <message>
        <source>The configuration is not valid JSON: %1</source>
        <translation>Die Konfiguration ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>Remove run</source>
        <translation>Lauf entfernen</translation>
    </message>
    <message>
        <source>%1 is removed from the list until the next start only: %2</source>
        <translation>%1 ist nur bis zum nächsten Start aus der Liste entfernt: %2</translation>
    </message>
    <message>
        <source>Stop the training runs first (Training ▸ Stop All Runs): their folders are still being written.</source>
        <translation>Halten Sie zuerst die Trainingsläufe an (Training ▸ Alle Läufe anhalten): In ihre Ordner wird noch geschrieben.</translation>
    </message>
    <message>
        <source>Show &amp;Removed Runs</source>
        <translation>&amp;Entfernte Läufe zeigen</translation>
    </message>
    <message>
        <source>List removed runs in the Training page, greyed, to restore them</source>
        <translation>Entfernte Läufe auf der Trainingsseite grau aufführen, um sie wiederherzustellen</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>Lauf löschen</translation>
    </message>
    <message>
        <source>Nothing was deleted.

%1</source>
        <translation>Es wurde nichts gelöscht.

%1</translation>
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
        <location filename="../widgets/training_view.cpp" line="71"/>
        <source>Training images per second of all processes of the run together</source>
        <translation>Trainingsbilder pro Sekunde aller Prozesse des Laufs zusammen</translation>
    </message>
    <message>
        <location filename="../widgets/training_view.cpp" line="240"/>
        <source>%1 (%2 processes)</source>
        <translation>%1 (%2 Prozesse)</translation>
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
    <message>
        <source>Continue a stopped run from its last checkpoint</source>
        <translation>Einen gestoppten Lauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Edit and restart…</source>
        <translation>&amp;Bearbeiten und neu starten…</translation>
    </message>
    <message>
        <source>Edit the configuration of a failed run and train it from step 0</source>
        <translation>Die Konfiguration eines fehlgeschlagenen Laufs bearbeiten und ab Schritt 0 trainieren</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the run from this list and the plots (its files stay)</source>
        <translation>Den Lauf aus dieser Liste und den Diagrammen entfernen (seine Dateien bleiben)</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Runs of the project are saved in %1</source>
        <translation>Die Läufe des Projekts werden in %1 gespeichert</translation>
    </message>
    <message>
        <source>No project open: runs are saved in the workspace %1</source>
        <translation>Kein Projekt geöffnet: Läufe werden im Arbeitsbereich %1 gespeichert</translation>
    </message>
    <message>
        <source>S&amp;moothing:</source>
        <translation>&amp;Glättung:</translation>
    </message>
    <message>
        <source>Logarithmic y (loss, bits/dim)</source>
        <translation>Logarithmische y-Achse (Verlust, Bits/Dim)</translation>
    </message>
    <message>
        <source>Exponential moving average of the loss, train bits/dim and throughput curves, as in TensorBoard: 0 shows the raw values, 0.99 smooths the most. The raw curve stays behind, faint. Test bits/dim and AUROC (evaluations) are not smoothed.</source>
        <translation>Exponentiell gleitender Mittelwert der Kurven für Verlust, Trainings-Bits/Dim und Durchsatz, wie in TensorBoard: 0 zeigt die Rohwerte, 0,99 glättet am stärksten. Die Rohkurve bleibt blass dahinter. Test-Bits/Dim und AUROC (Auswertungen) werden nicht geglättet.</translation>
    </message>
    <message>
        <source>%1 (raw)</source>
        <translation>%1 (roh)</translation>
    </message>
    <message>
        <source>Remove the run from this list and the plots; it is not listed again (its files stay)</source>
        <translation>Den Lauf aus dieser Liste und den Diagrammen entfernen; er wird nicht wieder aufgeführt (seine Dateien bleiben)</translation>
    </message>
    <message>
        <source>Sho&amp;w removed runs</source>
        <translation>Entfernte Läufe &amp;zeigen</translation>
    </message>
    <message>
        <source>List the runs removed from this list too, greyed, so that they can be restored</source>
        <translation>Auch die aus dieser Liste entfernten Läufe grau aufführen, damit sie wiederhergestellt werden können</translation>
    </message>
    <message>
        <source>Remove the run from this list and the plots; you choose whether its files stay (they do unless you ask to delete them)</source>
        <translation>Den Lauf aus dieser Liste und den Diagrammen entfernen; Sie wählen, ob seine Dateien bleiben (sie bleiben, wenn Sie nicht ihr Löschen verlangen)</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>List the removed run again</source>
        <translation>Den entfernten Lauf wieder aufführen</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>No runs yet — Training ▸ New Training Run…</source>
        <translation>Noch keine Läufe — Training ▸ Neuer Trainingslauf…</translation>
    </message>
    <message>
        <source>Select a run in the list</source>
        <translation>Wählen Sie einen Lauf in der Liste</translation>
    </message>
    <message>
        <source>No steps recorded for %1 yet</source>
        <translation>Für %1 sind noch keine Schritte aufgezeichnet</translation>
    </message>
    <message>
        <source>Check runs in the list to compare them here</source>
        <translation>Haken Sie Läufe in der Liste an, um sie hier zu vergleichen</translation>
    </message>
    <message>
        <source>Throughput is plotted per step</source>
        <translation>Der Durchsatz wird pro Schritt gezeichnet</translation>
    </message>
    <message>
        <source>No AUROC yet: it is evaluated during training when the run has an OOD set</source>
        <translation>Noch keine AUROC: Sie wird während des Trainings ausgewertet, wenn der Lauf eine OOD-Menge hat</translation>
    </message>
    <message>
        <source>No values recorded yet</source>
        <translation>Noch keine Werte aufgezeichnet</translation>
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
    <message>
        <source>Local Glow (patches of %1×%1)</source>
        <translation>Lokaler Glow (Ausschnitte von %1×%1)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Files go to</source>
        <translation>Dateien nach</translation>
    </message>
    <message>
        <source>config.json, metrics.jsonl (the curves), checkpoints/, model.glow</source>
        <translation>config.json, metrics.jsonl (die Kurven), checkpoints/, model.glow</translation>
    </message>
    <message>
        <source>%1, %2 scales × %3 steps, %L4 hidden; %5×%6×%7 images; %L8 parameters</source>
        <translation>%1, %2 Skalen × %3 Schritte, %L4 verborgen; Bilder %5×%6×%7; %L8 Parameter</translation>
    </message>
    <message>
        <source>Trained on</source>
        <translation>Trainiert auf</translation>
    </message>
    <message>
        <source>, the first %L1 images</source>
        <translation>, die ersten %L1 Bilder</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Testmenge</translation>
    </message>
    <message>
        <source>General distribution</source>
        <translation>Allgemeine Verteilung</translation>
    </message>
    <message>
        <source>OOD sets</source>
        <translation>OOD-Mengen</translation>
    </message>
    <message>
        <source>maximum likelihood</source>
        <translation>Maximum Likelihood</translation>
    </message>
    <message>
        <source>outlier loss</source>
        <translation>Ausreißer-Verlust</translation>
    </message>
    <message>
        <source>margin loss</source>
        <translation>Margin-Verlust</translation>
    </message>
    <message>
        <source>supervised</source>
        <translation>überwacht</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>%L1 steps of %L2 images</source>
        <translation>%L1 Schritte mit je %L2 Bildern</translation>
    </message>
    <message>
        <source>%L1 epochs, batches of %L2 images</source>
        <translation>%L1 Epochen, Batches mit je %L2 Bildern</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>about %1 at %L2 images/s (measured in the run %3)</source>
        <translation>etwa %1 bei %L2 Bildern/s (gemessen im Lauf %3)</translation>
    </message>
    <message>
        <source>no speed recorded yet for this model on this machine; the run shows images/s and the time left as it trains</source>
        <translation>für dieses Modell auf diesem Rechner ist noch keine Geschwindigkeit erfasst; der Lauf zeigt Bilder/s und die Restzeit während des Trainings</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n process(es)</source>
        <translation>
            <numerusform>%n Prozess</numerusform>
            <numerusform>%n Prozesse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/training_wizard.cpp"/>
        <source>%1; %2, %3, %4</source>
        <translation>%1; %2, %3, %4</translation>
    </message>
</context>
<context>
    <name>glowscope::WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Glowscope&lt;/h2&gt;&lt;p&gt;Anomaly detection with Glow flows: train a model, score data sets, compare the scores.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Glowscope&lt;/h2&gt;&lt;p&gt;Anomalieerkennung mit Glow-Flows: ein Modell trainieren, Datensätze bewerten, die Bewertungen vergleichen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Projekte&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Start&lt;/b&gt;</source>
        <translation>&lt;b&gt;Beginnen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open a &amp;project…</source>
        <translation>&amp;Projekt öffnen…</translation>
    </message>
    <message>
        <source>A folder with glowscope-project.json</source>
        <translation>Ein Ordner mit glowscope-project.json</translation>
    </message>
    <message>
        <source>Open a &amp;results folder…</source>
        <translation>&amp;Ergebnisordner öffnen…</translation>
    </message>
    <message>
        <source>What glowscope-cli evaluate or demo wrote (summary.json inside)</source>
        <translation>Was glowscope-cli evaluate oder demo geschrieben hat (mit summary.json darin)</translation>
    </message>
    <message>
        <source>&amp;Train a model…</source>
        <translation>Modell &amp;trainieren…</translation>
    </message>
    <message>
        <source>The training wizard: data, model, schedule</source>
        <translation>Der Trainingsassistent: Daten, Modell, Ablauf</translation>
    </message>
    <message>
        <source>&amp;Browse data sets</source>
        <translation>&amp;Datensätze ansehen</translation>
    </message>
    <message>
        <source>The data sets on this machine and their images</source>
        <translation>Die Datensätze auf diesem Rechner und ihre Bilder</translation>
    </message>
    <message>
        <source>Read the &amp;documentation</source>
        <translation>D&amp;okumentation lesen</translation>
    </message>
    <message>
        <source>The documentation folder, in the file manager</source>
        <translation>Der Dokumentationsordner, im Dateimanager</translation>
    </message>
    <message>
        <source>No project opened yet: File &gt; New Project makes one.</source>
        <translation>Noch kein Projekt geöffnet: Datei &gt; Neues Projekt legt eines an.</translation>
    </message>
</context>
<context>
    <name>glowscope::WizardPageBase</name>
    <message>
        <source>%1 must be between %L2 and %L3; %L4 is outside that range.</source>
        <translation>%1 muss zwischen %L2 und %L3 liegen; %L4 liegt außerhalb.</translation>
    </message>
</context>
</TS>
