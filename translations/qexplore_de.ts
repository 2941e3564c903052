<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ErrorText</name>
    <message>
        <source>the file could not be read</source>
        <translation>die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the file ends early</source>
        <translation>die Datei endet vorzeitig</translation>
    </message>
    <message>
        <source>this is not a model file of a known kind</source>
        <translation>dies ist keine Modelldatei eines bekannten Formats</translation>
    </message>
    <message>
        <source>the file uses a feature that is not supported</source>
        <translation>die Datei nutzt eine nicht unterstützte Funktion</translation>
    </message>
    <message>
        <source>the file breaks a rule of its format</source>
        <translation>die Datei verletzt eine Regel ihres Formats</translation>
    </message>
    <message>
        <source>a size in the file is too large</source>
        <translation>eine Größenangabe in der Datei ist zu groß</translation>
    </message>
    <message>
        <source>parts of the model do not agree with each other</source>
        <translation>Teile des Modells passen nicht zueinander</translation>
    </message>
    <message>
        <source>the operation was cancelled</source>
        <translation>der Vorgang wurde abgebrochen</translation>
    </message>
    <message>
        <source>the request was not valid</source>
        <translation>die Anfrage war ungültig</translation>
    </message>
    <message>
        <source>the job needs more memory than its budget allows</source>
        <translation>der Auftrag braucht mehr Speicher, als sein Budget erlaubt</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2 (at byte %3).</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2 (bei Byte %3).</translation>
    </message>
    <message>
        <source>Could not open “%1”: %2.</source>
        <translation>„%1“ konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Detail: %1</source>
        <translation>Einzelheiten: %1</translation>
    </message>
</context>
<context>
    <name>ModelDescription</name>
    <message>
        <source>GGUF v%1</source>
        <translation>GGUF v%1</translation>
    </message>
    <message>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <source>Hugging Face folder</source>
        <translation>Hugging-Face-Ordner</translation>
    </message>
    <message>
        <source>llama2.c checkpoint</source>
        <translation>llama2.c-Checkpoint</translation>
    </message>
    <message>
        <source>%1 tensors · %2 parameters · %3 on disk · %4 bits/weight</source>
        <translation>%1 Tensoren · %2 Parameter · %3 auf der Festplatte · %4 Bit/Gewicht</translation>
    </message>
    <message>
        <source>no tokenizer in this model</source>
        <translation>kein Tokenizer in diesem Modell</translation>
    </message>
    <message>
        <source>SentencePiece (llama)</source>
        <translation>SentencePiece (llama)</translation>
    </message>
    <message>
        <source>byte-level BPE (gpt2)</source>
        <translation>Byte-BPE (gpt2)</translation>
    </message>
    <message>
        <source>%1, %2 tokens</source>
        <translation>%1, %2 Token</translation>
    </message>
    <message>
        <source>, %1 merges</source>
        <translation>, %1 Merges</translation>
    </message>
    <message>
        <source>, pre-tokenizer “%1”</source>
        <translation>, Prä-Tokenizer „%1“</translation>
    </message>
    <message>
        <source>Selected tensors: %1 · %2 parameters · %3</source>
        <translation>Ausgewählte Tensoren: %1 · %2 Parameter · %3</translation>
    </message>
</context>
<context>
    <name>QAbstractItemView</name>
    <message>
        <source>Export as CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save this table as comma-separated values</source>
        <translation>Diese Tabelle als kommagetrennte Werte speichern</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>QChartView</name>
    <message>
        <source>Save chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG-Zeichnungen (*.svg)</translation>
    </message>
    <message>
        <source>Save chart as PNG or SVG…</source>
        <translation>Diagramm als PNG oder SVG speichern…</translation>
    </message>
    <message>
        <source>Save the chart as a picture (PNG) or a vector drawing (SVG)</source>
        <translation>Das Diagramm als Bild (PNG) oder als Vektorzeichnung (SVG) speichern</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Look inside language model files and decide how to quantize them.</source>
        <translation>Sprachmodell-Dateien untersuchen und entscheiden, wie sie quantisiert werden.</translation>
    </message>
    <message>
        <source>Open the model at &lt;path&gt;.</source>
        <translation>Das Modell unter &lt;path&gt; öffnen.</translation>
    </message>
    <message>
        <source>path</source>
        <translation>pfad</translation>
    </message>
    <message>
        <source>Render the main views into &lt;dir&gt;/*.png and quit.</source>
        <translation>Die Hauptansichten als &lt;dir&gt;/*.png speichern und beenden.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>ordner</translation>
    </message>
    <message>
        <source>With --screenshot: evaluate the common presets on &lt;file&gt; and render the Evaluate and Trade-off tabs too.</source>
        <translation>Mit --screenshot: die gängigen Presets auf &lt;file&gt; auswerten und auch die Reiter „Auswerten“ und „Abwägung“ rendern.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>A model file or folder to open.</source>
        <translation>Eine Modelldatei oder ein Modellordner zum Öffnen.</translation>
    </message>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>Open the built-in demo model.</source>
        <translation>Das eingebaute Demo-Modell öffnen.</translation>
    </message>
    <message>
        <source>Compare the opened model with the model at &lt;path&gt; (Compare tab).</source>
        <translation>Das geöffnete Modell mit dem Modell unter &lt;path&gt; vergleichen (Reiter Vergleich).</translation>
    </message>
    <message>
        <source>With --screenshot: the window size, e.g. 1920x1080 (default 1280x800).</source>
        <translation>Mit --screenshot: die Fenstergröße, z. B. 1920x1080 (Standard 1280x800).</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Interface language for this run (en, de, fr), whatever the settings say.</source>
        <translation>Sprache der Oberfläche für diesen Lauf (en, de, fr), unabhängig von den Einstellungen.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>qx::app::MainWindow</name>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;Open Model File…</source>
        <translation>Modell&amp;datei öffnen …</translation>
    </message>
    <message>
        <source>Open Model &amp;Folder…</source>
        <translation>Modell&amp;ordner öffnen …</translation>
    </message>
    <message>
        <source>&amp;Close Model</source>
        <translation>Modell &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Filter Tensors</source>
        <translation>Tensoren &amp;filtern</translation>
    </message>
    <message>
        <source>&amp;Tensors</source>
        <translation>&amp;Tensoren</translation>
    </message>
    <message>
        <source>&amp;Info</source>
        <translation>&amp;Info</translation>
    </message>
    <message>
        <source>&amp;About Quantization Explorer</source>
        <translation>&amp;Über Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Trade-off</source>
        <translation>Abwägung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the running job</source>
        <translation>Den laufenden Auftrag anhalten</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled</source>
        <translation>Öffnen von %1 wurde abgebrochen</translation>
    </message>
    <message>
        <source>Loaded the plan of run “%1” (undo restores the previous plan)</source>
        <translation>Plan des Laufs „%1“ geladen (Rückgängig stellt den vorigen Plan wieder her)</translation>
    </message>
    <message>
        <source>Open Model File</source>
        <translation>Modelldatei öffnen</translation>
    </message>
    <message>
        <source>Model files (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;llama2.c checkpoints (*.bin);;All files (*)</source>
        <translation>Modelldateien (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;llama2.c-Checkpoints (*.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open Hugging Face Model Folder</source>
        <translation>Hugging-Face-Modellordner öffnen</translation>
    </message>
    <message>
        <source>Preparing the demo model…</source>
        <translation>Demo-Modell wird vorbereitet …</translation>
    </message>
    <message>
        <source>demo model</source>
        <translation>Demo-Modell</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>Das Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>unknown architecture</source>
        <translation>unbekannte Architektur</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>The GGUF file the plan would export to (exact bytes), its bits per weight over the planned tensors, and its tensor data relative to the stored model</source>
        <translation>Die GGUF-Datei, die der Plan exportieren würde (exakte Bytes), ihre Bits pro Gewicht über die geplanten Tensoren und ihre Tensordaten im Verhältnis zum gespeicherten Modell</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>&amp;Save Plan</source>
        <translation>Plan &amp;speichern</translation>
    </message>
    <message>
        <source>Save Plan &amp;As…</source>
        <translation>Plan speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Load Plan…</source>
        <translation>Plan &amp;laden…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Export GGUF…</source>
        <translation>GGUF &amp;exportieren…</translation>
    </message>
    <message>
        <source>Write the plan as a GGUF file that llama.cpp loads (size shown in the header)</source>
        <translation>Den Plan als GGUF-Datei schreiben, die llama.cpp lädt (Größe steht in der Kopfzeile)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1%2[*] — Quantization Explorer</source>
        <translation>%1%2[*] — Quantization Explorer</translation>
    </message>
    <message>
        <source>&amp;Licence</source>
        <translation>&amp;Lizenz</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Actual Size (now %1 %)</source>
        <translation>&amp;Originalgröße (jetzt %1 %)</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>The README and the pages of docs/, built into the program</source>
        <translation>Die README und die Seiten aus docs/, im Programm enthalten</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Export Plan &amp;Report…</source>
        <translation>Plan-&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <source>Per tensor: stored and planned type, size and why (calibrated tensors name their method), as Markdown, CSV or JSON</source>
        <translation>Je Tensor: gespeicherter und geplanter Typ, Größe und Begründung (kalibrierte Tensoren nennen ihre Methode), als Markdown, CSV oder JSON</translation>
    </message>
    <message>
        <source>Opened the built-in demo model</source>
        <translation>Das eingebaute Demo-Modell ist geöffnet</translation>
    </message>
</context>
<context>
    <name>qx::ui::AboutDialog</name>
    <message>
        <source>About Quantization Explorer</source>
        <translation>Über Quantization Explorer</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Software von Drittanbietern</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Look inside language model files (GGUF, Hugging Face safetensors folders, llama2.c checkpoints), see how each tensor&apos;s weights are distributed and what quantization does to them, plan a mix of formats under a size budget, measure it, and export a GGUF file that llama.cpp loads.&lt;/p&gt;&lt;p&gt;Copyright © 2026 Quantization Explorer developers.&lt;br&gt;Free software under the MIT licence (see the Licence page).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Sprachmodell-Dateien untersuchen (GGUF, Hugging-Face-safetensors-Ordner, llama2.c-Checkpoints), sehen, wie die Gewichte jedes Tensors verteilt sind und was die Quantisierung mit ihnen macht, eine Mischung von Formaten für ein Größenbudget planen, sie messen und eine GGUF-Datei exportieren, die llama.cpp lädt.&lt;/p&gt;&lt;p&gt;Copyright © 2026 Quantization Explorer developers.&lt;br&gt;Freie Software unter der MIT-Lizenz (siehe Seite „Lizenz“).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>user interface; linked dynamically</source>
        <translation>Benutzeroberfläche; dynamisch gelinkt</translation>
    </message>
    <message>
        <source>matrix products; linked dynamically</source>
        <translation>Matrixprodukte; dynamisch gelinkt</translation>
    </message>
    <message>
        <source>tokenizer.json expressions; linked dynamically</source>
        <translation>Ausdrücke in tokenizer.json; dynamisch gelinkt</translation>
    </message>
    <message>
        <source>linear algebra; compiled in (header-only)</source>
        <translation>lineare Algebra; einkompiliert (nur Header)</translation>
    </message>
    <message>
        <source>command-line options of qexplore-cli; compiled in (header-only)</source>
        <translation>Befehlszeilenoptionen von qexplore-cli; einkompiliert (nur Header)</translation>
    </message>
    <message>
        <source>JSON files; compiled in (header-only), © 2013-2022 Niels Lohmann</source>
        <translation>JSON-Dateien; einkompiliert (nur Header), © 2013-2022 Niels Lohmann</translation>
    </message>
    <message>
        <source>&lt;p&gt;Quantization Explorer is built with these libraries, under their own licences:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Quantization Explorer wird mit diesen Bibliotheken gebaut, unter deren eigenen Lizenzen:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo model is this project&apos;s own work (trained by its trainer on its own generated stories) and is under the MIT licence too. The Debian package lists all of this in /usr/share/doc/qexplore/copyright.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Demo-Modell ist eigene Arbeit dieses Projekts (von seinem Trainer auf selbst erzeugten Geschichten trainiert) und steht ebenfalls unter der MIT-Lizenz. Das Debian-Paket führt all dies in /usr/share/doc/qexplore/copyright auf.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qx::ui::BitLayoutView</name>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Stored bits (sign | exponent | mantissa)</source>
        <translation>Gespeicherte Bits (Vorzeichen | Exponent | Mantisse)</translation>
    </message>
    <message>
        <source>Decoded value</source>
        <translation>Dekodierter Wert</translation>
    </message>
    <message>
        <source>Rounding error</source>
        <translation>Rundungsfehler</translation>
    </message>
</context>
<context>
    <name>qx::ui::BitNetLesson</name>
    <message>
        <source>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Every weight becomes −1, 0 or +1 times one scale γ, the mean absolute value of the tensor (&lt;b&gt;absmean&lt;/b&gt;): q = clamp(round(x / γ), −1, 1). Three states carry log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1.58 bits. BitNet trains with this rule from the start; applied after training, as here, it shows how much information the weights lose.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;BitNet b1.58&lt;/h2&gt;&lt;p&gt;Jedes Gewicht wird zu −1, 0 oder +1 mal einem Skalenfaktor γ, dem mittleren Betrag des Tensors (&lt;b&gt;absmean&lt;/b&gt;): q = clamp(round(x / γ), −1, 1). Drei Zustände tragen log&lt;sub&gt;2&lt;/sub&gt; 3 ≈ 1,58 Bit. BitNet trainiert von Anfang an mit dieser Regel; nach dem Training angewandt, wie hier, zeigt sie, wie viel Information die Gewichte verlieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Multiplications become additions&lt;/h3&gt;&lt;p&gt;With ternary weights, w·x needs no multiplication per weight: add x where q = +1, subtract it where q = −1, skip it where q = 0, and multiply the sum by γ once.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Aus Multiplikationen werden Additionen&lt;/h3&gt;&lt;p&gt;Mit ternären Gewichten braucht w·x keine Multiplikation pro Gewicht: x addieren, wo q = +1, subtrahieren, wo q = −1, überspringen, wo q = 0, und die Summe einmal mit γ multiplizieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>γ = %1. Codes: −1 for %2 %, 0 for %3 %, +1 for %4 % of the weights. SQNR %5 dB.&lt;br&gt;Size of these %6 weights: FP16 %7; ideal ternary %8 (1.58 bits); llama.cpp TQ1_0 %9, TQ2_0 %10 (whole 256-weight blocks).</source>
        <translation>γ = %1. Codes: −1 für %2 %, 0 für %3 %, +1 für %4 % der Gewichte. SQNR %5 dB.&lt;br&gt;Größe dieser %6 Gewichte: FP16 %7; ideal ternär %8 (1,58 Bit); llama.cpp TQ1_0 %9, TQ2_0 %10 (ganze Blöcke zu 256 Gewichten).</translation>
    </message>
    <message>
        <source>Row 0 of the tensor times a sample activation vector of %1 values: %2 additions, %3 subtractions, %4 skipped zeros and one multiplication by γ give %5; the full-precision weights give %6.</source>
        <translation>Zeile 0 des Tensors mal ein Beispiel-Aktivierungsvektor mit %1 Werten: %2 Additionen, %3 Subtraktionen, %4 übersprungene Nullen und eine Multiplikation mit γ ergeben %5; die Gewichte in voller Genauigkeit ergeben %6.</translation>
    </message>
    <message>
        <source>weights (count per bin)</source>
        <translation>Gewichte (Anzahl pro Klasse)</translation>
    </message>
    <message>
        <source>ternary levels −γ, 0, +γ</source>
        <translation>ternäre Stufen −γ, 0, +γ</translation>
    </message>
    <message>
        <source>rounding thresholds ±(γ + ε)/2</source>
        <translation>Rundungsschwellen ±(γ + ε)/2</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation>Gewichte pro Klasse</translation>
    </message>
    <message>
        <source>levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>BitNet b1.58 (ternary)</source>
        <translation>BitNet b1.58 (ternär)</translation>
    </message>
</context>
<context>
    <name>qx::ui::BlockSnapView</name>
    <message>
        <source>Each value of the block (dot above) and the level it comes back as (dot on the comb)</source>
        <translation>Jeder Wert des Blocks (Punkt oben) und die Stufe, als die er zurückkommt (Punkt auf dem Kamm)</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1  sc %2 · m %3</source>
        <translation>%1  sc %2 · m %3</translation>
    </message>
    <message>
        <source>%1  sc %2</source>
        <translation>%1  sc %2</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>after the round trip</source>
        <translation>nach Hin- und Rückweg</translation>
    </message>
    <message>
        <source>level (darker: in use)</source>
        <translation>Stufe (dunkler: belegt)</translation>
    </message>
</context>
<context>
    <name>qx::ui::CalibrationBox</name>
    <message>
        <source>RTN (round to nearest)</source>
        <translation>RTN (nächste Stufe)</translation>
    </message>
    <message>
        <source>imatrix (importance-weighted RTN)</source>
        <translation>imatrix (nach Wichtigkeit gewichtetes RTN)</translation>
    </message>
    <message>
        <source>GPTQ</source>
        <translation>GPTQ</translation>
    </message>
    <message>
        <source>GPTQ, act-order</source>
        <translation>GPTQ, act-order</translation>
    </message>
    <message>
        <source>AWQ</source>
        <translation>AWQ</translation>
    </message>
    <message>
        <source>AWQ without clipping</source>
        <translation>AWQ ohne Clipping</translation>
    </message>
    <message>
        <source>SmoothQuant (W8A8)</source>
        <translation>SmoothQuant (W8A8)</translation>
    </message>
    <message>
        <source>LLM.int8 (W8A8, outliers in float)</source>
        <translation>LLM.int8 (W8A8, Ausreißer in Float)</translation>
    </message>
    <message>
        <source>How the weights are rounded: RTN looks at one weight at a time; the other methods also use the activations captured on the calibration text</source>
        <translation>Wie die Gewichte gerundet werden: RTN betrachtet ein Gewicht nach dem anderen; die anderen Verfahren nutzen auch die auf dem Kalibrierungstext aufgezeichneten Aktivierungen</translation>
    </message>
    <message>
        <source>The grid the weights are rounded onto: GGUF block types (exportable) or uniform integer groups (asymmetric, F16 step; evaluation only)</source>
        <translation>Das Raster, auf das die Gewichte gerundet werden: GGUF-Blocktypen (exportierbar) oder gleichmäßige Ganzzahlgruppen (asymmetrisch, F16-Schrittweite; nur zur Bewertung)</translation>
    </message>
    <message>
        <source>Plain text whose activations are captured; it should not overlap the evaluation text</source>
        <translation>Klartext, dessen Aktivierungen aufgezeichnet werden; er sollte sich nicht mit dem Bewertungstext überschneiden</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Verfahren:</translation>
    </message>
    <message>
        <source>Grid:</source>
        <translation>Raster:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Blöcke:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Dampening:</source>
        <translation>Dämpfung:</translation>
    </message>
    <message>
        <source>Alpha:</source>
        <translation>Alpha:</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>Schwelle:</translation>
    </message>
    <message>
        <source>Per-layer notes of the last run: losses, dampening, AWQ scales, outlier columns</source>
        <translation>Hinweise je Schicht zum letzten Lauf: Verluste, Dämpfung, AWQ-Skalen, Ausreißerspalten</translation>
    </message>
    <message>
        <source>Calibration text</source>
        <translation>Kalibrierungstext</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Textdateien (*.txt *.raw);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Chunks of the calibration text to capture (fewer when the text is shorter)</source>
        <translation>Aufzuzeichnende Blöcke des Kalibrierungstexts (weniger, wenn der Text kürzer ist)</translation>
    </message>
    <message>
        <source>Tokens per calibration chunk; the first is replaced by BOS, as llama-imatrix does</source>
        <translation>Tokens je Kalibrierungsblock; das erste wird wie bei llama-imatrix durch BOS ersetzt</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>GPTQ dampening in % of the mean Hessian diagonal (raised automatically when needed)</source>
        <translation>GPTQ-Dämpfung in % der mittleren Hesse-Diagonale (bei Bedarf automatisch erhöht)</translation>
    </message>
    <message>
        <source>SmoothQuant migration strength: 0 leaves the activations alone, 1 moves all their range into the weights</source>
        <translation>SmoothQuant-Migrationsstärke: 0 lässt die Aktivierungen unverändert, 1 verlagert ihren ganzen Wertebereich in die Gewichte</translation>
    </message>
    <message>
        <source>LLM.int8: input columns with any |x| at or above this stay in float</source>
        <translation>LLM.int8: Eingabespalten mit einem |x| ab diesem Wert bleiben in Float</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Capture the calibration text&apos;s activations (cached) and quantize with the method</source>
        <translation>Die Aktivierungen des Kalibrierungstexts aufzeichnen (zwischengespeichert) und mit dem Verfahren quantisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the run; the plan stays as it is</source>
        <translation>Den Lauf anhalten; der Plan bleibt, wie er ist</translation>
    </message>
    <message>
        <source>Apply to Plan</source>
        <translation>Auf Plan anwenden</translation>
    </message>
    <message>
        <source>SmoothQuant and LLM.int8 quantize weights and activations to int8 per row and per token: there is no grid to choose, and the result cannot be exported to GGUF</source>
        <translation>SmoothQuant und LLM.int8 quantisieren Gewichte und Aktivierungen je Zeile und je Token auf int8: Es gibt kein Raster zu wählen, und das Ergebnis lässt sich nicht als GGUF exportieren</translation>
    </message>
    <message>
        <source>Choose a method and a calibration text, then Run.</source>
        <translation>Verfahren und Kalibrierungstext wählen, dann „Ausführen“.</translation>
    </message>
    <message>
        <source>Open a model to calibrate.</source>
        <translation>Ein Modell öffnen, um zu kalibrieren.</translation>
    </message>
    <message>
        <source>Choose a calibration text first.</source>
        <translation>Zuerst einen Kalibrierungstext wählen.</translation>
    </message>
    <message>
        <source>Calibrating with %1…</source>
        <translation>Kalibriere mit %1…</translation>
    </message>
    <message>
        <source>Calibrating with %1</source>
        <translation>Kalibriere mit %1</translation>
    </message>
    <message>
        <source>%1 (calibrated on %2, %3 chunks)</source>
        <translation>%1 (kalibriert auf %2, %3 Blöcke)</translation>
    </message>
    <message>
        <source>Calibration failed: %1 (%2)</source>
        <translation>Kalibrierung fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Calibration cancelled; the plan was not changed.</source>
        <translation>Kalibrierung abgebrochen; der Plan wurde nicht geändert.</translation>
    </message>
    <message>
        <source>No evaluation text is set: overlap not checked.</source>
        <translation>Kein Bewertungstext gesetzt: Überschneidung nicht geprüft.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Warning:&lt;/b&gt; %1 % of the evaluation text&apos;s lines also occur in the calibration text. That flatters the calibrated methods; evaluate on other text.</source>
        <translation>&lt;b&gt;Warnung:&lt;/b&gt; %1 % der Zeilen des Bewertungstexts kommen auch im Kalibrierungstext vor. Das schönt die kalibrierten Verfahren; auf anderem Text bewerten.</translation>
    </message>
    <message>
        <source>Calibration and evaluation texts share no line.</source>
        <translation>Kalibrierungs- und Bewertungstext haben keine Zeile gemeinsam.</translation>
    </message>
    <message>
        <source>%1: %2 layers quantized%3.</source>
        <translation>%1: %2 Schichten quantisiert%3.</translation>
    </message>
    <message>
        <source> (captured statistics from the cache)</source>
        <translation> (aufgezeichnete Statistiken aus dem Zwischenspeicher)</translation>
    </message>
    <message>
        <source>W8A8 results can be evaluated but not exported to GGUF.</source>
        <translation>W8A8-Ergebnisse lassen sich bewerten, aber nicht als GGUF exportieren.</translation>
    </message>
    <message>
        <source>Uniform integer grids have no GGUF type: evaluation only.</source>
        <translation>Gleichmäßige Ganzzahlraster haben keinen GGUF-Typ: nur Bewertung.</translation>
    </message>
    <message>
        <source>Give the calibrated tensors their calibrated weights and type (one undo step); the plan&apos;s other tensors keep their formats. Then evaluate it in the Evaluate tab or export it</source>
        <translation>Gibt den kalibrierten Tensoren ihre kalibrierten Gewichte und ihren Typ (ein Rückgängig-Schritt); die übrigen Tensoren des Plans behalten ihre Formate. Danach im Reiter „Auswerten“ auswerten oder exportieren</translation>
    </message>
    <message>
        <source>Others as stored</source>
        <translation>Übrige wie gespeichert</translation>
    </message>
    <message>
        <source>Apply also resets every tensor the method did not calibrate (embeddings, output, norms) to its stored type</source>
        <translation>Anwenden setzt auch jeden Tensor, den die Methode nicht kalibriert hat (Einbettungen, Ausgabe, Normen), auf seinen gespeicherten Typ zurück</translation>
    </message>
    <message numerus="yes">
        <source>Applied %1 as the whole plan (%n tensor(s) changed): evaluate it in the Evaluate tab (undo restores the previous plan)</source>
        <translation>
            <numerusform>%1 als ganzen Plan angewendet (%n Tensor geändert): im Reiter „Auswerten“ auswerten (Rückgängig stellt den vorigen Plan wieder her)</numerusform>
            <numerusform>%1 als ganzen Plan angewendet (%n Tensoren geändert): im Reiter „Auswerten“ auswerten (Rückgängig stellt den vorigen Plan wieder her)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applied %1 to its %n calibrated tensor(s); the others keep their formats. Evaluate it in the Evaluate tab (undo restores the previous plan)</source>
        <translation>
            <numerusform>%1 auf seinen %n kalibrierten Tensor angewendet; die übrigen behalten ihre Formate. Im Reiter „Auswerten“ auswerten (Rückgängig stellt den vorigen Plan wieder her)</numerusform>
            <numerusform>%1 auf seine %n kalibrierten Tensoren angewendet; die übrigen behalten ihre Formate. Im Reiter „Auswerten“ auswerten (Rückgängig stellt den vorigen Plan wieder her)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::ClippingLesson</name>
    <message>
        <source>&lt;h2&gt;Clipping and calibration&lt;/h2&gt;&lt;p&gt;Absmax scaling lets the single largest value decide the step Δ. One outlier therefore stretches the grid, and the bulk of the weights share a handful of levels. &lt;b&gt;Clipping&lt;/b&gt; the range to c &amp;lt; absmax saturates the few outliers but gives every other weight a finer grid. Calibration picks c: a &lt;b&gt;percentile&lt;/b&gt; of |x|, the c with the lowest &lt;b&gt;MSE&lt;/b&gt;, or the c whose histogram loses the least information (&lt;b&gt;KL divergence&lt;/b&gt;, TensorRT&apos;s entropy calibration).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Clipping und Kalibrierung&lt;/h2&gt;&lt;p&gt;Bei Absmax-Skalierung bestimmt der eine größte Wert die Schrittweite Δ. Ein einzelner Ausreißer streckt daher das Raster, und die Masse der Gewichte teilt sich eine Handvoll Stufen. &lt;b&gt;Clipping&lt;/b&gt; des Bereichs auf c &amp;lt; absmax sättigt die wenigen Ausreißer, gibt aber allen anderen Gewichten ein feineres Raster. Die Kalibrierung wählt c: ein &lt;b&gt;Perzentil&lt;/b&gt; von |x|, das c mit dem kleinsten &lt;b&gt;MSE&lt;/b&gt; oder das c, bei dem das Histogramm am wenigsten Information verliert (&lt;b&gt;KL-Divergenz&lt;/b&gt;, die Entropie-Kalibrierung von TensorRT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits:</source>
        <translation>Bits:</translation>
    </message>
    <message>
        <source>&lt;b&gt;One outlier, %1 bits, one scale per tensor.&lt;/b&gt; As it is: Δ = %2, the weights use %3 levels, SQNR %4 dB. Add a single value 10 × absmax: Δ = %5, the same weights now use %6 levels, SQNR %7 dB.</source>
        <translation>&lt;b&gt;Ein Ausreißer, %1 Bit, eine Skala pro Tensor.&lt;/b&gt; Unverändert: Δ = %2, die Gewichte nutzen %3 Stufen, SQNR %4 dB. Mit einem einzigen zusätzlichen Wert 10 × absmax: Δ = %5, dieselben Gewichte nutzen nur noch %6 Stufen, SQNR %7 dB.</translation>
    </message>
    <message>
        <source>MSE at clip ratio c / absmax</source>
        <translation>MSE beim Clip-Verhältnis c / absmax</translation>
    </message>
    <message>
        <source>Percentile %1 %</source>
        <translation>Perzentil %1 %</translation>
    </message>
    <message>
        <source>MSE search</source>
        <translation>MSE-Suche</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source>clip ratio c / absmax</source>
        <translation>Clip-Verhältnis c / absmax</translation>
    </message>
    <message>
        <source>MSE (weight units²)</source>
        <translation>MSE (Gewichtseinheiten²)</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Calibration&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Kalibrierung&lt;/th&gt;&lt;th&gt;c / absmax&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>Clipping and calibration</source>
        <translation>Clipping und Kalibrierung</translation>
    </message>
</context>
<context>
    <name>qx::ui::CompareOutputPanel</name>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Plain text both models read, tokenized with BOS as llama-perplexity does</source>
        <translation>Klartext, den beide Modelle lesen, mit BOS tokenisiert wie von llama-perplexity</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Token pro Block (llama-perplexity -c); bewertet wird die zweite Hälfte jedes Blocks</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Ausgewertete Blöcke (llama-perplexity --chunks); 0 = jeder vollständige Block des Textes</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Run both models on the text: KL divergence of B against A, how often their top token agrees, and the perplexity of each</source>
        <translation>Beide Modelle auf dem Text ausführen: KL-Divergenz von B gegenüber A, wie oft ihr wahrscheinlichstes Token übereinstimmt, und die Perplexität jedes Modells</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Output of B against A</source>
        <translation>Ausgabe von B gegenüber A</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Blöcke:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Text to compare the outputs on</source>
        <translation>Text für den Vergleich der Ausgaben</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Textdateien (*.txt *.raw);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Evaluate runs both models on the text and compares what they output.</source>
        <translation>„Auswerten“ führt beide Modelle auf dem Text aus und vergleicht ihre Ausgaben.</translation>
    </message>
    <message>
        <source>Compare a second model first; then evaluate both on a text.</source>
        <translation>Zuerst ein zweites Modell vergleichen, dann beide auf einem Text auswerten.</translation>
    </message>
    <message>
        <source>Running both models on %1…</source>
        <translation>Beide Modelle laufen auf %1…</translation>
    </message>
    <message>
        <source>Comparing outputs</source>
        <translation>Ausgaben vergleichen</translation>
    </message>
    <message>
        <source>Outputs on %1: %2 chunks of %3 tokens, %4 tokens scored.</source>
        <translation>Ausgaben auf %1: %2 Blöcke zu %3 Token, %4 Token bewertet.</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>Perplexity of A</source>
        <translation>Perplexität von A</translation>
    </message>
    <message>
        <source>Perplexity of B</source>
        <translation>Perplexität von B</translation>
    </message>
    <message>
        <source>PPL(B) / PPL(A)</source>
        <translation>PPL(B) / PPL(A)</translation>
    </message>
    <message>
        <source>Mean KL divergence</source>
        <translation>Mittlere KL-Divergenz</translation>
    </message>
    <message>
        <source>Median KL divergence</source>
        <translation>Median der KL-Divergenz</translation>
    </message>
    <message>
        <source>99 % KL divergence</source>
        <translation>KL-Divergenz, 99-%-Perzentil</translation>
    </message>
    <message>
        <source>Maximum KL divergence</source>
        <translation>Maximale KL-Divergenz</translation>
    </message>
    <message>
        <source>Same top token (top-1 agreement)</source>
        <translation>Gleiches Top-1-Token</translation>
    </message>
    <message>
        <source>Mean Δp (right token)</source>
        <translation>Mittleres Δp (richtiges Token)</translation>
    </message>
    <message>
        <source>RMS Δp</source>
        <translation>RMS Δp</translation>
    </message>
    <message>
        <source>Scored tokens</source>
        <translation>Bewertete Token</translation>
    </message>
</context>
<context>
    <name>qx::ui::ComparePage</name>
    <message>
        <source>layer (blk index)</source>
        <translation>Schicht (blk-Index)</translation>
    </message>
    <message>
        <source>SQNR of B against A (dB)</source>
        <translation>SQNR von B gegen A (dB)</translation>
    </message>
    <message>
        <source>No layers to compare</source>
        <translation>Keine Schichten zu vergleichen</translation>
    </message>
    <message>
        <source>layer (all tensors)</source>
        <translation>Schicht (alle Tensoren)</translation>
    </message>
    <message>
        <source>Every layer tensor is identical in A and B</source>
        <translation>Jeder Schicht-Tensor ist in A und B identisch</translation>
    </message>
    <message>
        <source>Error of B against A, per layer</source>
        <translation>Fehler von B gegen A je Schicht</translation>
    </message>
    <message>
        <source>%1: values in A (%2) and in B (%3)</source>
        <translation>%1: Werte in A (%2) und in B (%3)</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>Verteilungen</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Open a second model (B) and compare it with the open one (A), tensor by tensor</source>
        <translation>Ein zweites Modell (B) öffnen und Tensor für Tensor mit dem geöffneten (A) vergleichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Use B&apos;s types as my plan</source>
        <translation>Typen von B als meinen Plan übernehmen</translation>
    </message>
    <message>
        <source>Give every tensor of the plan the type it has in B (one undo step; pinned tensors stay)</source>
        <translation>Jedem Tensor des Plans den Typ geben, den er in B hat (ein Rückgängig-Schritt; fixierte Tensoren bleiben)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the table as CSV, or the chart on screen as PNG or SVG</source>
        <translation>Die Tabelle als CSV oder das angezeigte Diagramm als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>Filter tensors (regular expression)</source>
        <translation>Tensoren filtern (regulärer Ausdruck)</translation>
    </message>
    <message>
        <source>Select a tensor in the table to see its values in A and in B.</source>
        <translation>Einen Tensor in der Tabelle wählen, um seine Werte in A und in B zu sehen.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Value in A</source>
        <translation>Wert in A</translation>
    </message>
    <message>
        <source>Value in B</source>
        <translation>Wert in B</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>Tensoren</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Models (*.gguf *.safetensors *.bin);;All files (*)</source>
        <translation>Modelle (*.gguf *.safetensors *.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Comparing %1 with the open model…</source>
        <translation>%1 wird mit dem geöffneten Modell verglichen…</translation>
    </message>
    <message>
        <source>Comparing models</source>
        <translation>Modelle vergleichen</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <source>Open a model first; then compare it here with a second one.</source>
        <translation>Zuerst ein Modell öffnen; dann hier mit einem zweiten vergleichen.</translation>
    </message>
    <message>
        <source>Choose a second model (B) to compare with the open one (A): a published quantization of the same model, your export against its original, a folder against its GGUF.</source>
        <translation>Ein zweites Modell (B) wählen, um es mit dem geöffneten (A) zu vergleichen: eine veröffentlichte Quantisierung desselben Modells, Ihren Export gegen sein Original, einen Ordner gegen sein GGUF.</translation>
    </message>
    <message>
        <source>%1 is a %2 model, the open one a %3 model: only their metadata are compared.</source>
        <translation>%1 ist ein %2-Modell, das geöffnete ein %3-Modell: nur ihre Metadaten werden verglichen.</translation>
    </message>
    <message>
        <source>%1 has other dimensions (%2): only the metadata are compared.</source>
        <translation>%1 hat andere Dimensionen (%2): nur die Metadaten werden verglichen.</translation>
    </message>
    <message>
        <source>B = %1: %2 tensors, %3 identical, %4 compared, %5 unmatched · %6 bits/weight in A, %7 in B · SQNR of B against A %8 dB over the tensors that differ</source>
        <translation>B = %1: %2 Tensoren, %3 identisch, %4 verglichen, %5 ohne Gegenstück · %6 Bits/Gewicht in A, %7 in B · SQNR von B gegen A %8 dB über die abweichenden Tensoren</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Types of %1</source>
        <translation>Typen von %1</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Run both models on a text: KL divergence, top-token agreement, perplexity</source>
        <translation>Beide Modelle auf einem Text ausführen: KL-Divergenz, Übereinstimmung des wahrscheinlichsten Tokens, Perplexität</translation>
    </message>
</context>
<context>
    <name>qx::ui::CompareTableModel</name>
    <message>
        <source>%1 (tied)</source>
        <translation>%1 (gebunden)</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>shapes differ</source>
        <translation>Formen verschieden</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>nur in A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>nur in B</translation>
    </message>
    <message>
        <source>not decodable</source>
        <translation>nicht dekodierbar</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Type A</source>
        <translation>Typ A</translation>
    </message>
    <message>
        <source>Type B</source>
        <translation>Typ B</translation>
    </message>
    <message>
        <source>Bytes A</source>
        <translation>Bytes A</translation>
    </message>
    <message>
        <source>Bytes B</source>
        <translation>Bytes B</translation>
    </message>
    <message>
        <source>Bits/weight A</source>
        <translation>Bits/Gewicht A</translation>
    </message>
    <message>
        <source>Bits/weight B</source>
        <translation>Bits/Gewicht B</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Relativer Fehler</translation>
    </message>
    <message>
        <source>Max |B − A|</source>
        <translation>Max |B − A|</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
</context>
<context>
    <name>qx::ui::DistributionView</name>
    <message>
        <source>%1 — preview from one row in %2, exact counts follow</source>
        <translation>%1 — Vorschau aus einer Zeile von %2, genaue Zählung folgt</translation>
    </message>
    <message>
        <source>original (sampled rows)</source>
        <translation>Original (Stichprobe von Zeilen)</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>count (log scale)</source>
        <translation>Anzahl (log. Skala)</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Counting the values of %1…</source>
        <translation>Die Werte von %1 werden gezählt…</translation>
    </message>
    <message>
        <source>Select a tensor</source>
        <translation>Einen Tensor auswählen</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>after the round trip (%1)</source>
        <translation>nach Hin- und Rückweg (%1)</translation>
    </message>
    <message>
        <source>representable range %1 … %2</source>
        <translation>darstellbarer Bereich %1 … %2</translation>
    </message>
    <message>
        <source>values of the block per level</source>
        <translation>Werte des Blocks je Stufe</translation>
    </message>
    <message numerus="yes">
        <source>grid of row %1, values %2–%3: %n levels</source>
        <translation>
            <numerusform>Raster der Zeile %1, Werte %2–%3: %n Stufe</numerusform>
            <numerusform>Raster der Zeile %1, Werte %2–%3: %n Stufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>levels in use of row %1, values %2–%3 (grid of %n levels too fine to draw here)</source>
        <translation>
            <numerusform>belegte Stufen der Zeile %1, Werte %2–%3 (Raster aus %n Stufe, zu fein zum Zeichnen)</numerusform>
            <numerusform>belegte Stufen der Zeile %1, Werte %2–%3 (Raster aus %n Stufen, zu fein zum Zeichnen)</numerusform>
        </translation>
    </message>
    <message>
        <source>values at each level</source>
        <translation>Werte je Stufe</translation>
    </message>
    <message>
        <source>beyond the view: %1 below (down to %2), %3 above (up to %4)</source>
        <translation>außerhalb der Ansicht: %1 darunter (bis %2), %3 darüber (bis %4)</translation>
    </message>
    <message>
        <source>The block picture follows the round trip.</source>
        <translation>Das Blockbild folgt dem Hin- und Rückweg.</translation>
    </message>
    <message>
        <source>row %1, values %2–%3</source>
        <translation>Zeile %1, Werte %2–%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 super-block: %2 (%n sub-blocks)</source>
        <translation>
            <numerusform>%1-Superblock: %2 (%n Teilblock)</numerusform>
            <numerusform>%1-Superblock: %2 (%n Teilblöcke)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 block: %2</source>
        <translation>%1-Block: %2</translation>
    </message>
    <message>
        <source>Absmax: one scale d = %1 (fp16) for all %2 values; the levels are d·q, evenly spaced and symmetric around 0.</source>
        <translation>Absmax: eine Skala d = %1 (fp16) für alle %2 Werte; die Stufen d·q liegen gleichmäßig und symmetrisch um 0.</translation>
    </message>
    <message>
        <source>Zero point: scale d = %1 and offset m = %2 (fp16); the levels d·q + m span the block&apos;s own range [min, max].</source>
        <translation>Nullpunkt: Skala d = %1 und Versatz m = %2 (fp16); die Stufen d·q + m überspannen den eigenen Bereich [min, max] des Blocks.</translation>
    </message>
    <message>
        <source>Super-block scales d = %1 and dmin = %2 (fp16). Each sub-block of %3 stores its own %4-bit scale sc and min m (labels on the left): its levels are (d·sc)·q − dmin·m, so the step differs between sub-blocks.</source>
        <translation>Superblock-Skalen d = %1 und dmin = %2 (fp16). Jeder Teilblock aus %3 speichert seine eigene %4-Bit-Skala sc und sein Minimum m (Beschriftung links): seine Stufen sind (d·sc)·q − dmin·m, die Schrittweite unterscheidet sich also zwischen den Teilblöcken.</translation>
    </message>
    <message>
        <source>Super-block scale d = %1 (fp16). Each sub-block of %2 stores its own %3-bit scale sc (labels on the left): its levels are (d·sc)·q, so the step differs between sub-blocks.</source>
        <translation>Superblock-Skala d = %1 (fp16). Jeder Teilblock aus %2 speichert seine eigene %3-Bit-Skala sc (Beschriftung links): seine Stufen sind (d·sc)·q, die Schrittweite unterscheidet sich also zwischen den Teilblöcken.</translation>
    </message>
    <message>
        <source>Super-block scale d = %1 (fp16); each sub-block of %2 scales the 16 non-uniform codebook values by d·sc.</source>
        <translation>Superblock-Skala d = %1 (fp16); jeder Teilblock aus %2 skaliert die 16 ungleichmäßigen Codebuchwerte mit d·sc.</translation>
    </message>
    <message>
        <source>Block absmax %1 times the 16 NormalFloat levels (denser near 0, where most weights are).</source>
        <translation>Absmax des Blocks %1 mal die 16 NormalFloat-Stufen (dichter bei 0, wo die meisten Gewichte liegen).</translation>
    </message>
    <message>
        <source>Scale d = %1 (fp16) times 16 non-uniform codebook values (denser near 0).</source>
        <translation>Skala d = %1 (fp16) mal 16 ungleichmäßige Codebuchwerte (dichter bei 0).</translation>
    </message>
    <message>
        <source>one Δ per group of %1 values</source>
        <translation>ein Δ je Gruppe aus %1 Werten</translation>
    </message>
    <message>
        <source>one Δ per row</source>
        <translation>ein Δ je Zeile</translation>
    </message>
    <message>
        <source>one Δ for the whole tensor</source>
        <translation>ein Δ für den ganzen Tensor</translation>
    </message>
    <message>
        <source>Step Δ = %1 and zero point z = %2 (%3): the levels Δ·(q − z) cover [min, max], and 0 is exact.</source>
        <translation>Schritt Δ = %1 und Nullpunkt z = %2 (%3): die Stufen Δ·(q − z) decken [min, max] ab, und 0 ist exakt.</translation>
    </message>
    <message>
        <source>Step Δ = %1 (%2): the levels Δ·q are symmetric around 0.</source>
        <translation>Schritt Δ = %1 (%2): die Stufen Δ·q sind symmetrisch um 0.</translation>
    </message>
    <message>
        <source>%1 keeps more than %2 distinct values here: no grid to draw.</source>
        <translation>%1 behält hier mehr als %2 verschiedene Werte: kein Raster zu zeichnen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is a floating-point format: %n distinct values in this block, spaced by their exponents rather than one step.</source>
        <translation>
            <numerusform>%1 ist ein Gleitkommaformat: %n verschiedener Wert in diesem Block, nach Exponenten statt mit einem Schritt verteilt.</numerusform>
            <numerusform>%1 ist ein Gleitkommaformat: %n verschiedene Werte in diesem Block, nach Exponenten statt mit einem Schritt verteilt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag across a range to zoom in (it is counted again at the new resolution), wheel to zoom, Shift+drag to pan, right click to zoom out</source>
        <translation>Über einen Bereich ziehen zum Vergrößern (er wird in der neuen Auflösung neu gezählt), Mausrad zum Zoomen, Umschalt+Ziehen zum Verschieben, Rechtsklick zum Verkleinern</translation>
    </message>
    <message>
        <source>Whole tensor</source>
        <translation>Ganzer Tensor</translation>
    </message>
    <message>
        <source>The histogram of every weight, with the selected block&apos;s levels</source>
        <translation>Das Histogramm aller Gewichte, mit den Stufen des gewählten Blocks</translation>
    </message>
    <message>
        <source>One block</source>
        <translation>Ein Block</translation>
    </message>
    <message>
        <source>The selected block&apos;s values snapping to their levels, sub-block by sub-block</source>
        <translation>Die Werte des gewählten Blocks rasten auf ihre Stufen ein, Teilblock für Teilblock</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log-Skala</translation>
    </message>
    <message>
        <source>Logarithmic count axis (shows the sparse tails)</source>
        <translation>Logarithmische Zählachse (zeigt die dünnen Ränder)</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Draw the levels of the selected block as a comb (height: its values at each level) and the range the round trip can represent (values beyond it are clipped)</source>
        <translation>Die Stufen des gewählten Blocks als Kamm zeichnen (Höhe: seine Werte je Stufe) und den Bereich, den der Hin- und Rückweg darstellen kann (Werte darüber hinaus werden abgeschnitten)</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Kern</translation>
    </message>
    <message>
        <source>Back to the central 99.9 % of the weights</source>
        <translation>Zurück zu den mittleren 99,9 % der Gewichte</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>From the smallest to the largest weight, outliers included</source>
        <translation>Vom kleinsten bis zum größten Gewicht, Ausreißer eingeschlossen</translation>
    </message>
    <message>
        <source>Row (output channel) of the selected block</source>
        <translation>Zeile (Ausgabekanal) des gewählten Blocks</translation>
    </message>
    <message>
        <source>Block within the row</source>
        <translation>Block innerhalb der Zeile</translation>
    </message>
    <message>
        <source>Largest |w|</source>
        <translation>Größtes |w|</translation>
    </message>
    <message>
        <source>Select the block holding the tensor&apos;s largest |w| (its grid is the widest)</source>
        <translation>Den Block mit dem größten |w| des Tensors wählen (sein Raster ist das breiteste)</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>Block:</source>
        <translation>Block:</translation>
    </message>
    <message>
        <source>Counting %1</source>
        <translation>Zähle %1</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::DocsDialog</name>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
</context>
<context>
    <name>qx::ui::DynamicLesson</name>
    <message>
        <source>Activations entering &lt;b&gt;%1&lt;/b&gt; (%2 channels): %3 tokens of a calibration story, then %3 tokens of an evaluation story, through the loaded model.</source>
        <translation>Aktivierungen am Eingang von &lt;b&gt;%1&lt;/b&gt; (%2 Kanäle): %3 Tokens einer Kalibrierungsgeschichte, dann %3 Tokens einer Auswertungsgeschichte, berechnet mit dem geladenen Modell.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Dynamic vs static activation quantization&lt;/h2&gt;&lt;p&gt;Weights are known before inference; activations are not. &lt;b&gt;Dynamic&lt;/b&gt; quantization measures each token&apos;s absmax at run time and gives every token its own int8 step (one extra max per token). &lt;b&gt;Static&lt;/b&gt; quantization fixes one step in advance from &lt;b&gt;calibration&lt;/b&gt; text and uses it for every token: no run-time statistics, but tokens with a small range get a coarse grid and tokens beyond the range are clipped.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Dynamische vs. statische Quantisierung der Aktivierungen&lt;/h2&gt;&lt;p&gt;Gewichte sind vor der Inferenz bekannt, Aktivierungen nicht. &lt;b&gt;Dynamische&lt;/b&gt; Quantisierung misst das Absmax jedes Tokens zur Laufzeit und gibt jedem Token seine eigene int8-Schrittweite (ein zusätzliches Maximum pro Token). &lt;b&gt;Statische&lt;/b&gt; Quantisierung legt eine Schrittweite vorab aus &lt;b&gt;Kalibrierungstext&lt;/b&gt; fest und verwendet sie für jedes Token: keine Statistik zur Laufzeit, aber Tokens mit kleinem Wertebereich bekommen ein grobes Raster, und Werte jenseits des Bereichs werden abgeschnitten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;int8 on the evaluation tokens&lt;/th&gt;&lt;th&gt;step Δ&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;dynamic (per-token absmax)&lt;/td&gt;&lt;td align=right&gt;per token&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;static (calibrated absmax %3)&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;%7 evaluation values lie beyond the static range and are clipped. %8&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;int8 auf den Auswertungstokens&lt;/th&gt;&lt;th&gt;Schritt Δ&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;MSE&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;dynamisch (Absmax pro Token)&lt;/td&gt;&lt;td align=right&gt;pro Token&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;statisch (kalibriertes Absmax %3)&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;%7 Auswertungswerte liegen außerhalb des statischen Bereichs und werden abgeschnitten. %8&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Dynamic quantization wins by %1 dB here: most tokens use only part of the calibrated range, and each gets a finer step of its own.</source>
        <translation>Dynamische Quantisierung gewinnt hier um %1 dB: Die meisten Tokens nutzen nur einen Teil des kalibrierten Bereichs, und jedes bekommt eine eigene, feinere Schrittweite.</translation>
    </message>
    <message>
        <source>Static quantization wins by %1 dB here: the calibrated range fits these tokens well.</source>
        <translation>Statische Quantisierung gewinnt hier um %1 dB: Der kalibrierte Bereich passt gut zu diesen Tokens.</translation>
    </message>
    <message>
        <source>per-token absmax, calibration story</source>
        <translation>Absmax pro Token, Kalibrierungsgeschichte</translation>
    </message>
    <message>
        <source>per-token absmax, evaluation story (dynamic ranges)</source>
        <translation>Absmax pro Token, Auswertungsgeschichte (dynamische Bereiche)</translation>
    </message>
    <message>
        <source>static range (max over the calibration story)</source>
        <translation>statischer Bereich (Maximum über die Kalibrierungsgeschichte)</translation>
    </message>
    <message>
        <source>token position</source>
        <translation>Token-Position</translation>
    </message>
    <message>
        <source>max |x| over the channels</source>
        <translation>max |x| über die Kanäle</translation>
    </message>
    <message>
        <source>Dynamic vs static activations</source>
        <translation>Dynamische vs. statische Aktivierungen</translation>
    </message>
</context>
<context>
    <name>qx::ui::EvaluatePanel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Evaluate presets</source>
        <translation>Voreinstellungen auswerten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Plain text to evaluate on, tokenized with BOS as llama-perplexity does</source>
        <translation>Klartext für die Auswertung, mit BOS tokenisiert wie bei llama-perplexity</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Token pro Block (llama-perplexity -c); bewertet wird die zweite Hälfte jedes Blocks</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Ausgewertete Blöcke (llama-perplexity --chunks); 0 = jeder vollständige Block des Textes</translation>
    </message>
    <message>
        <source>Perplexity and KL divergence of the current plan against the F32 model</source>
        <translation>Perplexität und KL-Divergenz des aktuellen Plans gegenüber dem F32-Modell</translation>
    </message>
    <message>
        <source>Evaluate llama-quantize&apos;s common mixes (Q8_0 … Q2_K) for the Trade-off chart</source>
        <translation>Die gängigen Mischungen von llama-quantize (Q8_0 … Q2_K) für das Abwägungsdiagramm auswerten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <source>Chunks:</source>
        <translation>Blöcke:</translation>
    </message>
    <message>
        <source>Evaluation text</source>
        <translation>Auswertungstext</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Textdateien (*.txt *.raw);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>Open a model to evaluate plans.</source>
        <translation>Öffnen Sie ein Modell, um Pläne auszuwerten.</translation>
    </message>
    <message>
        <source>custom plan %1</source>
        <translation>eigener Plan %1</translation>
    </message>
    <message>
        <source>Evaluating %1…</source>
        <translation>%1 wird ausgewertet…</translation>
    </message>
    <message>
        <source>Evaluating %1</source>
        <translation>%1 wird ausgewertet</translation>
    </message>
    <message>
        <source>Evaluation cancelled.</source>
        <translation>Auswertung abgebrochen.</translation>
    </message>
    <message>
        <source>Evaluation failed: %1 (%2)</source>
        <translation>Auswertung fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source> (already evaluated as %1)</source>
        <translation> (bereits ausgewertet als %1)</translation>
    </message>
    <message>
        <source>%1: PPL %2 ± %3 (F32 %4), mean KLD %5, same top %6 %</source>
        <translation>%1: PPL %2 ± %3 (F32 %4), mittlere KLD %5, gleiches Top-Token %6 %</translation>
    </message>
    <message>
        <source>%p% — about %1 left</source>
        <translation>%p % — noch etwa %1</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Compute Importance Matrix</source>
        <translation>Wichtigkeitsmatrix berechnen</translation>
    </message>
    <message>
        <source>Compute an importance matrix on this text as llama-imatrix does, then evaluate</source>
        <translation>Eine Wichtigkeitsmatrix auf diesem Text berechnen wie llama-imatrix, dann auswerten</translation>
    </message>
    <message>
        <source>%1 is not evaluated: %2</source>
        <translation>%1 wird nicht ausgewertet: %2</translation>
    </message>
    <message>
        <source>llama-quantize refuses very-low-bit tensors (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S; Q2_K in a Q2_K_S mix) without importance data, and so does the evaluation. Load or compute an importance matrix (Plan panel, under the presets). Detail: %1</source>
        <translation>llama-quantize lehnt Tensoren mit sehr wenigen Bits (IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS, IQ2_S; Q2_K in einer Q2_K_S-Mischung) ohne Wichtigkeitsdaten ab, die Auswertung ebenso. Eine Wichtigkeitsmatrix laden oder berechnen (Plan-Bereich, unter den Vorgaben). Detail: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> — blocks 0–%1 of %2 reused from the last evaluation</source>
        <translation> — Blöcke 0–%1 von %2 aus der letzten Auswertung übernommen</translation>
    </message>
    <message>
        <source>reused blocks 0–%1</source>
        <translation>Blöcke 0–%1 übernommen</translation>
    </message>
    <message>
        <source>running the output head</source>
        <translation>der Ausgabekopf läuft</translation>
    </message>
    <message>
        <source>running %1–%2: block %3</source>
        <translation>Blöcke %1–%2 laufen: Block %3</translation>
    </message>
    <message>
        <source>running blocks 0–%1: block %2</source>
        <translation>Blöcke 0–%1 laufen: Block %2</translation>
    </message>
    <message>
        <source>Evaluating %1: %2</source>
        <translation>%1 wird ausgewertet: %2</translation>
    </message>
    <message>
        <source>Evaluating %1: %2, %3</source>
        <translation>%1 wird ausgewertet: %2, %3</translation>
    </message>
</context>
<context>
    <name>qx::ui::GptqLesson</name>
    <message>
        <source>&lt;h2&gt;GPTQ step by step&lt;/h2&gt;&lt;p&gt;Rounding every weight to the nearest level ignores that the layer&apos;s &lt;i&gt;output&lt;/i&gt; is what matters. GPTQ quantizes one input column at a time and moves each column&apos;s rounding error onto the columns not yet quantized, weighted by the inverse Hessian H⁻¹ of the output error (H = 2/n Σ x xᵀ from real activations): correlated inputs absorb each other&apos;s error. Press &lt;b&gt;Step&lt;/b&gt; to quantize the framed column and watch the columns to its right change.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;GPTQ Schritt für Schritt&lt;/h2&gt;&lt;p&gt;Jedes Gewicht auf die nächste Stufe zu runden übersieht, dass es auf die &lt;i&gt;Ausgabe&lt;/i&gt; der Schicht ankommt. GPTQ quantisiert eine Eingangsspalte nach der anderen und verschiebt den Rundungsfehler jeder Spalte auf die noch nicht quantisierten Spalten, gewichtet mit der inversen Hesse-Matrix H⁻¹ des Ausgabefehlers (H = 2/n Σ x xᵀ aus echten Aktivierungen): Korrelierte Eingänge fangen den Fehler der anderen auf. Drücken Sie &lt;b&gt;Schritt&lt;/b&gt;, um die umrahmte Spalte zu quantisieren, und beobachten Sie, wie sich die Spalten rechts davon ändern.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits (symmetric, one scale per row):</source>
        <translation>Bits (symmetrisch, eine Skala pro Zeile):</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Durchlaufen</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>The model has no linear layer of at least %1 × %2 with captured inputs.</source>
        <translation>Das Modell hat keine lineare Schicht von mindestens %1 × %2 mit erfassten Eingaben.</translation>
    </message>
    <message>
        <source>The slice: output rows 0–%1, input columns 0–%2; H from all %3 tokens.</source>
        <translation>Der Ausschnitt: Ausgabezeilen 0–%1, Eingangsspalten 0–%2; H aus allen %3 Tokens.</translation>
    </message>
    <message>
        <source>W: the original weights</source>
        <translation>W: die ursprünglichen Gewichte</translation>
    </message>
    <message>
        <source>H⁻¹ (%1 × %1, damping %2 %)</source>
        <translation>H⁻¹ (%1 × %1, Dämpfung %2 %)</translation>
    </message>
    <message>
        <source>Working weights: nothing quantized yet</source>
        <translation>Arbeitsgewichte: noch nichts quantisiert</translation>
    </message>
    <message>
        <source>Working weights: columns 0–%1 quantized</source>
        <translation>Arbeitsgewichte: Spalten 0–%1 quantisiert</translation>
    </message>
    <message>
        <source>W − working weights (error and compensation)</source>
        <translation>W − Arbeitsgewichte (Fehler und Ausgleich)</translation>
    </message>
    <message>
        <source>Column %1 of %2 done. </source>
        <translation>Spalte %1 von %2 erledigt. </translation>
    </message>
    <message>
        <source>Output error ‖WX − QX‖ over the %1 tokens: &lt;b&gt;GPTQ %2&lt;/b&gt; against &lt;b&gt;round-to-nearest %3&lt;/b&gt; on the same %4-bit grid (%5 % lower).</source>
        <translation>Ausgabefehler ‖WX − QX‖ über die %1 Tokens: &lt;b&gt;GPTQ %2&lt;/b&gt; gegenüber &lt;b&gt;Runden auf die nächste Stufe %3&lt;/b&gt; auf demselben %4-Bit-Raster (%5 % niedriger).</translation>
    </message>
    <message>
        <source>Round-to-nearest on the same grid gives ‖WX − QX‖ = %1; run to the end to compare.</source>
        <translation>Runden auf die nächste Stufe ergibt auf demselben Raster ‖WX − QX‖ = %1; laufen Sie bis zum Ende, um zu vergleichen.</translation>
    </message>
    <message>
        <source>GPTQ step by step</source>
        <translation>GPTQ Schritt für Schritt</translation>
    </message>
</context>
<context>
    <name>qx::ui::GranularityLesson</name>
    <message>
        <source>&lt;h2&gt;Granularity&lt;/h2&gt;&lt;p&gt;Each group of weights that shares one scale pays for its scale (here an FP16 number, 16 bits). One scale for the whole &lt;b&gt;tensor&lt;/b&gt; is nearly free but lets the largest weight anywhere set the step for all. One scale per &lt;b&gt;channel&lt;/b&gt; (row) adapts to each row; one per &lt;b&gt;group&lt;/b&gt; of 32–128 consecutive weights adapts further, at 16/G extra bits per weight.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Granularität&lt;/h2&gt;&lt;p&gt;Jede Gruppe von Gewichten mit gemeinsamer Skala bezahlt für diese Skala (hier eine FP16-Zahl, 16 Bit). Eine Skala für den ganzen &lt;b&gt;Tensor&lt;/b&gt; kostet fast nichts, lässt aber das größte Gewicht irgendwo die Schrittweite für alle bestimmen. Eine Skala pro &lt;b&gt;Kanal&lt;/b&gt; (Zeile) passt sich jeder Zeile an; eine pro &lt;b&gt;Gruppe&lt;/b&gt; von 32–128 aufeinanderfolgenden Gewichten passt sich noch feiner an, für 16/G zusätzliche Bit pro Gewicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bits per code (symmetric):</source>
        <translation>Bits pro Code (symmetrisch):</translation>
    </message>
    <message>
        <source>Scales</source>
        <translation>Skalen</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>of which scales</source>
        <translation>davon Skalen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>per channel</source>
        <translation>pro Kanal</translation>
    </message>
    <message>
        <source>per group of %1</source>
        <translation>pro Gruppe zu %1</translation>
    </message>
    <message>
        <source>SQNR (dB), higher is better</source>
        <translation>SQNR (dB), höher ist besser</translation>
    </message>
    <message>
        <source>n/a (row of %1)</source>
        <translation>n. v. (Zeile mit %1)</translation>
    </message>
    <message>
        <source>Granularity</source>
        <translation>Granularität</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>g%1</source>
        <translation>g%1</translation>
    </message>
    <message>
        <source>one scale per tensor, per channel (row) or per group of G values (gG)</source>
        <translation>eine Skala je Tensor, je Kanal (Zeile) oder je Gruppe aus G Werten (gG)</translation>
    </message>
</context>
<context>
    <name>qx::ui::HeatmapWidget</name>
    <message>
        <source>No heatmap yet</source>
        <translation>Noch keine Heatmap</translation>
    </message>
</context>
<context>
    <name>qx::ui::IquantsLesson</name>
    <message>
        <source>&lt;h2&gt;i-quants and ternary weights&lt;/h2&gt;&lt;p&gt;A K-quant spends a fixed number of bits on every weight. IQ2_XXS spends them on &lt;b&gt;groups of 8 weights&lt;/b&gt; instead: their magnitudes become one 8-bit index into a codebook of 256 points of the &lt;b&gt;E8 lattice&lt;/b&gt; (every coordinate 8, 25 or 43 times the scale, the points chosen so the grid covers the 8-dimensional space evenly), and their signs 7 bits — the 8th follows from parity, because E8 points have an even number of minus signs. With a 4-bit scale per 32 weights and one F16 scale per 256, that is 2.0625 bits per weight: an index chooses one of 256 × 128 patterns for 8 weights where 2 bits each could only give 4&lt;sup&gt;8&lt;/sup&gt; levels without any scale. IQ3_XXS does the same with 4-weight groups and 8 magnitudes; the quantizer searches the codebook for the point nearest to each group, weighted by the importance matrix when there is one.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;i-Quants und ternäre Gewichte&lt;/h2&gt;&lt;p&gt;Ein K-Quant gibt jedem Gewicht eine feste Zahl Bits. IQ2_XXS gibt sie stattdessen &lt;b&gt;Gruppen von 8 Gewichten&lt;/b&gt;: ihre Beträge werden ein 8-Bit-Index in ein Codebuch aus 256 Punkten des &lt;b&gt;E8-Gitters&lt;/b&gt; (jede Koordinate 8, 25 oder 43 mal die Skala, die Punkte so gewählt, dass das Gitter den 8-dimensionalen Raum gleichmäßig abdeckt), ihre Vorzeichen 7 Bits — das 8. folgt aus der Parität, denn E8-Punkte haben eine gerade Zahl von Minuszeichen. Mit einer 4-Bit-Skala je 32 Gewichte und einer F16-Skala je 256 sind das 2,0625 Bits pro Gewicht: ein Index wählt eines von 256 × 128 Mustern für 8 Gewichte, wo je 2 Bits nur 4&lt;sup&gt;8&lt;/sup&gt; Stufen ohne jede Skala ergäben. IQ3_XXS macht dasselbe mit Gruppen von 4 Gewichten und 8 Beträgen; der Quantisierer sucht im Codebuch den Punkt, der jeder Gruppe am nächsten liegt, gewichtet mit der Wichtigkeitsmatrix, wenn es eine gibt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Group of block 0:</source>
        <translation>Gruppe von Block 0:</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What each type keeps of this tensor&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Was jeder Typ von diesem Tensor behält&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ternary weights in base 3&lt;/h3&gt;&lt;p&gt;TQ1_0 and TQ2_0 store each weight as −1, 0 or +1 times one F16 scale per 256 weights. TQ2_0 spends 2 bits per digit (2.0625 bits per weight); TQ1_0 packs &lt;b&gt;five digits into one byte&lt;/b&gt;, since 3&lt;sup&gt;5&lt;/sup&gt; = 243 ≤ 256: the digits are read as a base-3 number n (0 … 242) and the byte stores ⌈n · 256 / 243⌉, so multiplying by 3 and keeping the high byte returns one digit after the other — 1.6 bits per digit, 1.6875 bits per weight with the scale.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ternäre Gewichte zur Basis 3&lt;/h3&gt;&lt;p&gt;TQ1_0 und TQ2_0 speichern jedes Gewicht als −1, 0 oder +1 mal eine F16-Skala je 256 Gewichte. TQ2_0 braucht 2 Bits pro Ziffer (2,0625 Bits pro Gewicht); TQ1_0 packt &lt;b&gt;fünf Ziffern in ein Byte&lt;/b&gt;, da 3&lt;sup&gt;5&lt;/sup&gt; = 243 ≤ 256: die Ziffern werden als Zahl n zur Basis 3 gelesen (0 … 242) und das Byte speichert ⌈n · 256 / 243⌉, sodass Multiplizieren mit 3 und Behalten des oberen Bytes eine Ziffer nach der anderen liefert — 1,6 Bits pro Ziffer, 1,6875 Bits pro Gewicht mit der Skala.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This tensor has fewer than 256 values: no i-quant block fits.</source>
        <translation>Dieser Tensor hat weniger als 256 Werte: kein i-Quant-Block passt.</translation>
    </message>
    <message>
        <source>Stored for these 8 weights: codebook row &lt;b&gt;%1&lt;/b&gt; (8 bits) and the signs %2 (7 bits stored, the 8th by parity); their 32-weight sub-block has the scale code %3, so one magnitude unit is %4.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;weight&lt;/th&gt;&lt;th&gt;value&lt;/th&gt;&lt;th&gt;codebook&lt;/th&gt;&lt;th&gt;sign&lt;/th&gt;&lt;th&gt;decoded&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;</source>
        <translation>Gespeichert für diese 8 Gewichte: Codebuch-Zeile &lt;b&gt;%1&lt;/b&gt; (8 Bits) und die Vorzeichen %2 (7 Bits gespeichert, das 8. per Parität); ihr Unterblock aus 32 Gewichten hat den Skalencode %3, eine Betragseinheit ist also %4.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;Gewicht&lt;/th&gt;&lt;th&gt;Wert&lt;/th&gt;&lt;th&gt;Codebuch&lt;/th&gt;&lt;th&gt;Vorzeichen&lt;/th&gt;&lt;th&gt;decodiert&lt;/th&gt;&lt;/tr&gt;%5&lt;/table&gt;</translation>
    </message>
    <message>
        <source>The first %1 blocks of 256 values, quantized as llama.cpp does (uniform importance). IQ2_XXS uses %2 of its 256 codebook rows here.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;type&lt;/th&gt;&lt;th&gt;bits/weight&lt;/th&gt;&lt;th&gt;SQNR dB&lt;/th&gt;&lt;/tr&gt;%3&lt;/table&gt;</source>
        <translation>Die ersten %1 Blöcke aus 256 Werten, quantisiert wie llama.cpp (gleiche Wichtigkeit). IQ2_XXS nutzt hier %2 seiner 256 Codebuch-Zeilen.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;Typ&lt;/th&gt;&lt;th&gt;Bits/Gewicht&lt;/th&gt;&lt;th&gt;SQNR dB&lt;/th&gt;&lt;/tr&gt;%3&lt;/table&gt;</translation>
    </message>
    <message>
        <source>i-quants (codebooks)</source>
        <translation>i-Quants (Codebücher)</translation>
    </message>
    <message>
        <source>ternary TQ1_0, TQ2_0</source>
        <translation>ternär TQ1_0, TQ2_0</translation>
    </message>
    <message>
        <source>K-quants Q2_K, Q3_K</source>
        <translation>K-Quants Q2_K, Q3_K</translation>
    </message>
    <message>
        <source>bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Byte 0 of the first TQ1_0 block holds weights 0, 32, 64, 96 and 128 (%1). With the scale d = %2 they become the digits %3 (−1, 0, +1 stored as 0, 1, 2), the base-3 number %4, and the byte %5 = ⌈%4 · 256 / 243⌉.</source>
        <translation>Byte 0 des ersten TQ1_0-Blocks enthält die Gewichte 0, 32, 64, 96 und 128 (%1). Mit der Skala d = %2 werden sie zu den Ziffern %3 (−1, 0, +1 gespeichert als 0, 1, 2), zur Zahl %4 zur Basis 3 und zum Byte %5 = ⌈%4 · 256 / 243⌉.</translation>
    </message>
    <message>
        <source>i-quants and ternary weights</source>
        <translation>i-Quants und ternäre Gewichte</translation>
    </message>
</context>
<context>
    <name>qx::ui::JobRunner</name>
    <message>
        <source>unknown exception</source>
        <translation>unbekannte Ausnahme</translation>
    </message>
    <message>
        <source>the job ran out of memory: the machine could not give it what it asked for</source>
        <translation>dem Auftrag ging der Speicher aus: der Rechner konnte ihm nicht geben, was er verlangte</translation>
    </message>
</context>
<context>
    <name>qx::ui::KQuantsLesson</name>
    <message>
        <source>&lt;h2&gt;GGUF k-quants anatomy&lt;/h2&gt;&lt;p&gt;A &lt;b&gt;Q4_K&lt;/b&gt; super-block holds 256 weights in 144 bytes: an FP16 scale &lt;b&gt;d&lt;/b&gt; and an FP16 &lt;b&gt;dmin&lt;/b&gt;, twelve bytes packing eight 6-bit sub-block scales and eight 6-bit mins, and 128 bytes of 4-bit codes. Weight i of sub-block j (32 weights) is d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. The sub-block scales are themselves quantized against d: that is the saving — %1 bits per weight, where storing an FP16 scale and min for every 32 weights (Q4_1) costs %2. &lt;b&gt;Q6_K&lt;/b&gt; uses 6-bit codes, sixteen 8-bit scales and one FP16 d: %3 bits per weight.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Anatomie der GGUF-k-Quants&lt;/h2&gt;&lt;p&gt;Ein &lt;b&gt;Q4_K&lt;/b&gt;-Superblock fasst 256 Gewichte in 144 Byte: eine FP16-Skala &lt;b&gt;d&lt;/b&gt; und ein FP16-&lt;b&gt;dmin&lt;/b&gt;, zwölf Byte mit acht 6-Bit-Teilblockskalen und acht 6-Bit-Minima sowie 128 Byte 4-Bit-Codes. Gewicht i des Teilblocks j (32 Gewichte) ist d·scale&lt;sub&gt;j&lt;/sub&gt;·q − dmin·min&lt;sub&gt;j&lt;/sub&gt;. Die Teilblockskalen sind selbst gegen d quantisiert: darin liegt die Ersparnis — %1 Bit pro Gewicht, während eine FP16-Skala und ein FP16-Minimum für je 32 Gewichte (Q4_1) %2 kosten. &lt;b&gt;Q6_K&lt;/b&gt; nutzt 6-Bit-Codes, sechzehn 8-Bit-Skalen und ein FP16-d: %3 Bit pro Gewicht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Super-block (256 consecutive weights):</source>
        <translation>Superblock (256 aufeinanderfolgende Gewichte):</translation>
    </message>
    <message>
        <source>6-bit scale</source>
        <translation>6-Bit-Skala</translation>
    </message>
    <message>
        <source>6-bit min</source>
        <translation>6-Bit-Minimum</translation>
    </message>
    <message>
        <source>d · scale</source>
        <translation>d · Skala</translation>
    </message>
    <message>
        <source>dmin · min</source>
        <translation>dmin · Minimum</translation>
    </message>
    <message>
        <source>codes used (0–15)</source>
        <translation>genutzte Codes (0–15)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Q4_K header:&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. Reconstruction SQNR %5 dB.</source>
        <translation>&lt;b&gt;Q4_K-Kopf:&lt;/b&gt; d = 0x%1 = %2, dmin = 0x%3 = %4. SQNR der Rekonstruktion %5 dB.</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>sub-block 0</source>
        <translation>Teilblock 0</translation>
    </message>
    <message>
        <source>sub-block 1</source>
        <translation>Teilblock 1</translation>
    </message>
    <message>
        <source>sub-block 2</source>
        <translation>Teilblock 2</translation>
    </message>
    <message>
        <source>sub-block 3</source>
        <translation>Teilblock 3</translation>
    </message>
    <message>
        <source>sub-block 4</source>
        <translation>Teilblock 4</translation>
    </message>
    <message>
        <source>sub-block 5</source>
        <translation>Teilblock 5</translation>
    </message>
    <message>
        <source>sub-block 6</source>
        <translation>Teilblock 6</translation>
    </message>
    <message>
        <source>sub-block 7</source>
        <translation>Teilblock 7</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bytes 4–15&lt;/b&gt; (scales and mins; sub-blocks 4–7 borrow the top two bits of bytes 4–11): &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Bytes 16–31&lt;/b&gt; (first codes; low nibble = weight i, high nibble = weight i + 32): &lt;tt&gt;%2&lt;/tt&gt;</source>
        <translation>&lt;b&gt;Bytes 4–15&lt;/b&gt; (Skalen und Minima; die Teilblöcke 4–7 leihen sich die oberen zwei Bits der Bytes 4–11): &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;&lt;b&gt;Bytes 16–31&lt;/b&gt; (erste Codes; unteres Nibble = Gewicht i, oberes Nibble = Gewicht i + 32): &lt;tt&gt;%2&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Q6_K of the same weights:&lt;/b&gt; d = %1, sixteen 8-bit scales (one per 16 weights): %2. Codes −32…31. Reconstruction SQNR %3 dB.</source>
        <translation>&lt;b&gt;Q6_K derselben Gewichte:&lt;/b&gt; d = %1, sechzehn 8-Bit-Skalen (eine je 16 Gewichte): %2. Codes −32…31. SQNR der Rekonstruktion %3 dB.</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Q4_K reconstruction</source>
        <translation>Q4_K-Rekonstruktion</translation>
    </message>
    <message>
        <source>Q6_K reconstruction</source>
        <translation>Q6_K-Rekonstruktion</translation>
    </message>
    <message>
        <source>weight index (sub-blocks 0 and 1 of the super-block)</source>
        <translation>Gewichtsindex (Teilblöcke 0 und 1 des Superblocks)</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>GGUF k-quants anatomy</source>
        <translation>Anatomie der GGUF-k-Quants</translation>
    </message>
</context>
<context>
    <name>qx::ui::LayerTableModel</name>
    <message>
        <source>%1 · %2 dB</source>
        <translation>%1 · %2 dB</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>%1 in %2: SQNR %3 dB, relative error %4</source>
        <translation>%1 in %2: SQNR %3 dB, relativer Fehler %4</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
</context>
<context>
    <name>qx::ui::LayersView</name>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>Relative error</source>
        <translation>Relativer Fehler</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio 10·log10(Σw² / Σe²); higher is better</source>
        <translation>Signal-Quantisierungsrausch-Verhältnis 10·log10(Σw² / Σe²); höher ist besser</translation>
    </message>
    <message>
        <source>‖dequantized − original‖ / ‖original‖; lower is better</source>
        <translation>‖dequantisiert − original‖ / ‖original‖; niedriger ist besser</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <source>Tensor class drawn in the chart</source>
        <translation>Im Diagramm gezeichnete Tensorklasse</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Maß:</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <source>One row per layer, one column per tensor class; right click to export as CSV</source>
        <translation>Eine Zeile pro Schicht, eine Spalte pro Tensorklasse; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <source>Layer errors</source>
        <translation>Fehler je Schicht</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s)</source>
        <translation>
            <numerusform>%n Tensor</numerusform>
            <numerusform>%n Tensoren</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Current plan</source>
        <translation>Aktueller Plan</translation>
    </message>
    <message>
        <source>Each tensor in the format the plan gives it (type or scheme); follows every edit</source>
        <translation>Jeder Tensor im Format, das der Plan ihm gibt (Typ oder Schema); folgt jeder Änderung</translation>
    </message>
    <message>
        <source>The current plan, or one candidate format for every layer tensor</source>
        <translation>Der aktuelle Plan oder ein Kandidatenformat für jeden Schicht-Tensor</translation>
    </message>
    <message>
        <source>Quantize and dequantize every layer tensor with the chosen format</source>
        <translation>Jeden Schicht-Tensor mit dem gewählten Format quantisieren und dequantisieren</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>PNG/SVG exportieren…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)</source>
        <translation>Das Diagramm als PNG-Bild oder SVG-Vektorzeichnung speichern (je nach Dateityp)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Press Compute to measure %1</source>
        <translation>„Berechnen“ drücken, um %1 zu messen</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>Kein Plan</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the plan&apos;s errors (%n tensor(s) left)…</source>
        <translation>
            <numerusform>Warte auf die Fehler des Plans (noch %n Tensor)…</numerusform>
            <numerusform>Warte auf die Fehler des Plans (noch %n Tensoren)…</numerusform>
        </translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>aktueller Plan</translation>
    </message>
    <message>
        <source>Round-trip error per layer (%1)</source>
        <translation>Fehler des Hin- und Rückwegs je Schicht (%1)</translation>
    </message>
    <message>
        <source>layer (blk index)</source>
        <translation>Schicht (blk-Index)</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>relativer Fehler</translation>
    </message>
</context>
<context>
    <name>qx::ui::LearnLab</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>Tensor:</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>Built-in sample (no model loaded)</source>
        <translation>Eingebaute Stichprobe (kein Modell geladen)</translation>
    </message>
    <message>
        <source>Capturing the model&apos;s activations…</source>
        <translation>Aktivierungen des Modells werden erfasst…</translation>
    </message>
    <message>
        <source>This lesson runs the loaded model: open a Llama-family model.</source>
        <translation>Diese Lektion führt das geladene Modell aus: Öffnen Sie ein Modell der Llama-Familie.</translation>
    </message>
    <message>
        <source>Capturing activations</source>
        <translation>Aktivierungen erfassen</translation>
    </message>
    <message>
        <source>This lesson needs activations from a Llama-family model with a tokenizer (%1).</source>
        <translation>Diese Lektion braucht Aktivierungen eines Modells der Llama-Familie mit Tokenizer (%1).</translation>
    </message>
    <message>
        <source>Activation capture cancelled.</source>
        <translation>Erfassung der Aktivierungen abgebrochen.</translation>
    </message>
    <message>
        <source>Lessons use a built-in deterministic heavy-tailed sample.</source>
        <translation>Die Lektionen nutzen eine eingebaute, deterministische Stichprobe mit schweren Rändern.</translation>
    </message>
    <message>
        <source>Lessons use the model&apos;s own weights.</source>
        <translation>Die Lektionen nutzen die Gewichte des Modells.</translation>
    </message>
    <message>
        <source>Could not read the tensor (%1); using the built-in sample.</source>
        <translation>Der Tensor konnte nicht gelesen werden (%1); die eingebaute Stichprobe wird verwendet.</translation>
    </message>
</context>
<context>
    <name>qx::ui::Lesson</name>
    <message>
        <source>No model loaded: using a built-in deterministic heavy-tailed sample (%1 values).</source>
        <translation>Kein Modell geladen: eingebaute, deterministische Stichprobe mit schweren Rändern (%1 Werte).</translation>
    </message>
    <message>
        <source>Tensor &lt;b&gt;%1&lt;/b&gt;: %2 rows × %3 values.</source>
        <translation>Tensor &lt;b&gt;%1&lt;/b&gt;: %2 Zeilen × %3 Werte.</translation>
    </message>
    <message>
        <source>(first %1 of %2 rows)</source>
        <translation>(die ersten %1 von %2 Zeilen)</translation>
    </message>
</context>
<context>
    <name>qx::ui::MemoryIndicator</name>
    <message>
        <source>Memory in use by Quantization Explorer (resident set size)</source>
        <translation>Von Quantization Explorer belegter Arbeitsspeicher (Resident Set Size)</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Speicher: %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::MetadataTableModel</name>
    <message>
        <source>%1 × %2: %3</source>
        <translation>%1 × %2: %3</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>qx::ui::ModelInfoView</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Embedding length</source>
        <translation>Embedding-Länge</translation>
    </message>
    <message>
        <source>Feed-forward length</source>
        <translation>Feed-Forward-Länge</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>Attention-Köpfe</translation>
    </message>
    <message>
        <source>%1 (key/value: %2)</source>
        <translation>%1 (Key/Value: %2)</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>Kontextlänge</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>Tokenizer</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Held-out perplexity</source>
        <translation>Perplexität auf zurückgehaltenen Daten</translation>
    </message>
    <message>
        <source>%1 ± %2 on its own held-out text (%3 tokens, context %4), as measured when it was trained</source>
        <translation>%1 ± %2 auf dem eigenen zurückgehaltenen Text (%3 Tokens, Kontext %4), gemessen beim Training</translation>
    </message>
</context>
<context>
    <name>qx::ui::ModelLoader</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
</context>
<context>
    <name>qx::ui::Nf4Lesson</name>
    <message>
        <source>&lt;h2&gt;NF4 and double quantization&lt;/h2&gt;&lt;p&gt;Trained weights are roughly normally distributed: most sit near zero. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) places its 16 levels at quantiles of a normal distribution, dense near zero and sparse in the tails, instead of evenly. Each block of 64 weights is divided by its absmax (an FP32 number: 32/64 = 0.5 bits per weight). &lt;b&gt;Double quantization&lt;/b&gt; stores those absmax values themselves in 8 bits, with one FP32 scale per 256 of them.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;NF4 und doppelte Quantisierung&lt;/h2&gt;&lt;p&gt;Trainierte Gewichte sind ungefähr normalverteilt: die meisten liegen nahe null. &lt;b&gt;NF4&lt;/b&gt; (QLoRA) legt seine 16 Stufen auf Quantile einer Normalverteilung, dicht bei null und spärlich in den Rändern, statt gleichmäßig. Jeder Block aus 64 Gewichten wird durch sein Absmax geteilt (eine FP32-Zahl: 32/64 = 0,5 Bit pro Gewicht). Die &lt;b&gt;doppelte Quantisierung&lt;/b&gt; speichert diese Absmax-Werte selbst in 8 Bit, mit einer FP32-Skala je 256 davon.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Block of 64, 4-bit codes&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits per weight&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;uniform INT4 (absmax, FP32 scale)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + double quantization&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Double quantization saves %6 bits per weight: %7 GB on a 70 B-parameter model.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=3&gt;&lt;tr&gt;&lt;th align=left&gt;Block aus 64, 4-Bit-Codes&lt;/th&gt;&lt;th&gt;SQNR (dB)&lt;/th&gt;&lt;th&gt;Bits pro Gewicht&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;gleichmäßiges INT4 (Absmax, FP32-Skala)&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;NF4 + doppelte Quantisierung&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Die doppelte Quantisierung spart %6 Bit pro Gewicht: %7 GB bei einem Modell mit 70 Mrd. Parametern.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>weights ÷ their block&apos;s absmax (count per bin)</source>
        <translation>Gewichte ÷ Absmax ihres Blocks (Anzahl pro Klasse)</translation>
    </message>
    <message>
        <source>NF4 levels (16)</source>
        <translation>NF4-Stufen (16)</translation>
    </message>
    <message>
        <source>uniform INT4 levels (15)</source>
        <translation>gleichmäßige INT4-Stufen (15)</translation>
    </message>
    <message>
        <source>value as a fraction of the block&apos;s absmax</source>
        <translation>Wert als Anteil am Absmax des Blocks</translation>
    </message>
    <message>
        <source>weights per bin</source>
        <translation>Gewichte pro Klasse</translation>
    </message>
    <message>
        <source>INT4</source>
        <translation>INT4</translation>
    </message>
    <message>
        <source>NF4</source>
        <translation>NF4</translation>
    </message>
    <message>
        <source>NF4 and double quantization</source>
        <translation>NF4 und doppelte Quantisierung</translation>
    </message>
</context>
<context>
    <name>qx::ui::NumberFormatsLesson</name>
    <message>
        <source>&lt;h2&gt;Number formats&lt;/h2&gt;&lt;p&gt;A floating-point number stores a &lt;b&gt;sign&lt;/b&gt;, an &lt;b&gt;exponent&lt;/b&gt; (the power of two, i.e. the range) and a &lt;b&gt;mantissa&lt;/b&gt; (the digits, i.e. the precision). Fewer exponent bits shrink the range; fewer mantissa bits widen the gaps between neighbouring values. Integers have no exponent: INT8 and INT4 store a code q, and the value is Δ·q with one scale Δ shared by many weights.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Zahlenformate&lt;/h2&gt;&lt;p&gt;Eine Gleitkommazahl speichert ein &lt;b&gt;Vorzeichen&lt;/b&gt;, einen &lt;b&gt;Exponenten&lt;/b&gt; (die Zweierpotenz, also den Wertebereich) und eine &lt;b&gt;Mantisse&lt;/b&gt; (die Ziffern, also die Genauigkeit). Weniger Exponentenbits verkleinern den Bereich; weniger Mantissenbits vergrößern die Abstände zwischen benachbarten Werten. Ganzzahlen haben keinen Exponenten: INT8 und INT4 speichern einen Code q, und der Wert ist Δ·q mit einer Skala Δ, die sich viele Gewichte teilen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Value to store:</source>
        <translation>Zu speichernder Wert:</translation>
    </message>
    <message>
        <source>…or pick weight number:</source>
        <translation>…oder Gewicht Nummer wählen:</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Range and precision&lt;/h3&gt;&lt;p&gt;The largest value each format holds, the smallest step away from zero, and the gap to the next representable value at the value above: the rounding error is at most half that gap.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Bereich und Genauigkeit&lt;/h3&gt;&lt;p&gt;Der größte Wert, den jedes Format fasst, der kleinste Schritt weg von der Null und der Abstand zum nächsten darstellbaren Wert beim obigen Wert: der Rundungsfehler ist höchstens halb so groß wie dieser Abstand.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Largest value</source>
        <translation>Größter Wert</translation>
    </message>
    <message>
        <source>Smallest positive value</source>
        <translation>Kleinster positiver Wert</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Spacing at this value</source>
        <translation>Abstand bei diesem Wert</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Memory calculator&lt;/h3&gt;&lt;p&gt;Weights alone need parameters × bits ÷ 8 bytes (1 GB = 10&lt;sup&gt;9&lt;/sup&gt; bytes).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Speicherrechner&lt;/h3&gt;&lt;p&gt;Allein die Gewichte brauchen Parameter × Bits ÷ 8 Byte (1 GB = 10&lt;sup&gt;9&lt;/sup&gt; Byte).&lt;/p&gt;</translation>
    </message>
    <message>
        <source> billion parameters</source>
        <translation> Mrd. Parameter</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Weights in memory</source>
        <translation>Gewichte im Speicher</translation>
    </message>
    <message>
        <source>INT8 and INT4 use symmetric absmax scaling against the tensor&apos;s largest magnitude %1: Δ = %1 / 127 for INT8 and %1 / 7 for INT4. Larger values saturate at ±%1.</source>
        <translation>INT8 und INT4 skalieren symmetrisch (Absmax) auf den größten Betrag des Tensors, %1: Δ = %1 / 127 für INT8 und %1 / 7 für INT4. Größere Werte sättigen bei ±%1.</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>Number formats</source>
        <translation>Zahlenformate</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutlierTableModel</name>
    <message>
        <source>Tensor row (output channel, ne[1] index)</source>
        <translation>Tensorzeile (Ausgangskanal, Index in ne[1])</translation>
    </message>
    <message>
        <source>Position within the row (input channel, ne[0] index)</source>
        <translation>Position in der Zeile (Eingangskanal, Index in ne[0])</translation>
    </message>
    <message>
        <source>|w| divided by the tensor&apos;s standard deviation σ</source>
        <translation>|w| geteilt durch die Standardabweichung σ des Tensors</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>|w|/σ</source>
        <translation>|w|/σ</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutliersLesson</name>
    <message>
        <source>SmoothQuant α:</source>
        <translation>SmoothQuant α:</translation>
    </message>
    <message>
        <source>|x| per token (rows) and channel (columns); ticks mark channels with |x| ≥ %1</source>
        <translation>|x| pro Token (Zeilen) und Kanal (Spalten); Markierungen zeigen Kanäle mit |x| ≥ %1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Salient channels (AWQ)&lt;/h3&gt;&lt;p&gt;The 1 % of input channels with the largest mean |x| (channels %1) meet the largest activations. Quantizing the weight to INT3 (one scale per row) gives an output error ‖WX − QX‖ of %2; keeping just those weight columns in FP16 lowers it to &lt;b&gt;%3&lt;/b&gt;, while keeping the same number of columns chosen by weight size (channels %4) gives %5. AWQ gets this effect without mixed precision by scaling the salient columns up before quantizing.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Wichtige Kanäle (AWQ)&lt;/h3&gt;&lt;p&gt;Das 1 % der Eingangskanäle mit dem größten mittleren |x| (Kanäle %1) trifft auf die größten Aktivierungen. Das Gewicht in INT3 (eine Skala pro Zeile) zu quantisieren ergibt einen Ausgabefehler ‖WX − QX‖ von %2; behält man nur diese Gewichtsspalten in FP16, sinkt er auf &lt;b&gt;%3&lt;/b&gt;, während gleich viele nach Gewichtsgröße gewählte Spalten (Kanäle %4) %5 ergeben. AWQ erreicht diesen Effekt ohne gemischte Genauigkeit, indem es die wichtigen Spalten vor dem Quantisieren hochskaliert.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Before: max|X_j| and max|W_j| per channel</source>
        <translation>Vorher: max|X_j| und max|W_j| pro Kanal</translation>
    </message>
    <message>
        <source>After SmoothQuant (α = %1): max|X_j / s_j| and max|W_j · s_j|</source>
        <translation>Nach SmoothQuant (α = %1): max|X_j / s_j| und max|W_j · s_j|</translation>
    </message>
    <message>
        <source>&lt;p&gt;max|W_j| is taken over %1. With α = %2, the per-token int8 × per-row int8 (W8A8) relative output error of %3 goes from &lt;b&gt;%4 %&lt;/b&gt; before to &lt;b&gt;%5 %&lt;/b&gt; after the migration. %6&lt;/p&gt;</source>
        <translation>&lt;p&gt;max|W_j| wird über %1 genommen. Mit α = %2 geht der relative Ausgabefehler von %3 bei int8 pro Token × int8 pro Zeile (W8A8) von &lt;b&gt;%4 %&lt;/b&gt; vorher auf &lt;b&gt;%5 %&lt;/b&gt; nach der Verschiebung. %6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The migration helps: the activations&apos; large channels no longer set every token&apos;s step.</source>
        <translation>Die Verschiebung hilft: Die großen Kanäle der Aktivierungen bestimmen nicht mehr die Schrittweite jedes Tokens.</translation>
    </message>
    <message>
        <source>Here the activations have no strong outlier channels, so the migration only moves error into the weights; on large models with outliers it is what makes W8A8 work.</source>
        <translation>Hier haben die Aktivierungen keine starken Ausreißerkanäle, daher verschiebt die Migration nur Fehler in die Gewichte; bei großen Modellen mit Ausreißern macht sie W8A8 erst möglich.</translation>
    </message>
    <message>
        <source>max |X_j| (activations)</source>
        <translation>max |X_j| (Aktivierungen)</translation>
    </message>
    <message>
        <source>max |W_j| (weights)</source>
        <translation>max |W_j| (Gewichte)</translation>
    </message>
    <message>
        <source>max |·|, log</source>
        <translation>max |·|, log.</translation>
    </message>
    <message>
        <source>Outliers, LLM.int8, AWQ, SmoothQuant</source>
        <translation>Ausreißer, LLM.int8, AWQ, SmoothQuant</translation>
    </message>
    <message>
        <source>channel j: those named above, then the largest max|X_j|</source>
        <translation>Kanal j: die oben genannten, dann die mit dem größten max|X_j|</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Outliers, LLM.int8, AWQ and SmoothQuant&lt;/h2&gt;&lt;p&gt;In large language models a few &lt;b&gt;feature dimensions&lt;/b&gt; (channels) of the activations carry values far larger than the rest, in almost every token. One int8 step per token must then cover the outlier, and every other channel loses precision. &lt;b&gt;LLM.int8&lt;/b&gt; multiplies the outlier channels (any |x| ≥ 6 in models of several billion parameters) in FP16 and the rest in int8. A small model&apos;s activations live on another scale, so here the threshold is a multiple of the typical channel&apos;s largest |x| (the median over the channels): like 6 in a large model, it flags the few channels that stand out. &lt;b&gt;AWQ&lt;/b&gt; notes that the weights meeting large activations matter most and protects them by scaling. &lt;b&gt;SmoothQuant&lt;/b&gt; divides each activation channel by s&lt;sub&gt;j&lt;/sub&gt; = max|X&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;α&lt;/sup&gt; / max|W&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;1−α&lt;/sup&gt; and multiplies the weights&apos; column j by it: the product is unchanged, but the difficulty migrates from activations to weights.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Ausreißer, LLM.int8, AWQ und SmoothQuant&lt;/h2&gt;&lt;p&gt;In großen Sprachmodellen tragen wenige &lt;b&gt;Merkmalsdimensionen&lt;/b&gt; (Kanäle) der Aktivierungen in fast jedem Token weit größere Werte als der Rest. Eine int8-Schrittweite pro Token muss dann den Ausreißer abdecken, und alle anderen Kanäle verlieren Genauigkeit. &lt;b&gt;LLM.int8&lt;/b&gt; multipliziert die Ausreißerkanäle (irgendein |x| ≥ 6 in Modellen mit mehreren Milliarden Parametern) in FP16 und den Rest in int8. Die Aktivierungen eines kleinen Modells haben eine andere Größenordnung, daher ist die Schwelle hier ein Vielfaches des größten |x| eines typischen Kanals (des Medians über die Kanäle): Wie 6 in einem großen Modell markiert sie die wenigen Kanäle, die herausragen. &lt;b&gt;AWQ&lt;/b&gt; stellt fest, dass die Gewichte, die auf große Aktivierungen treffen, am meisten zählen, und schützt sie durch Skalierung. &lt;b&gt;SmoothQuant&lt;/b&gt; teilt jeden Aktivierungskanal durch s&lt;sub&gt;j&lt;/sub&gt; = max|X&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;α&lt;/sup&gt; / max|W&lt;sub&gt;j&lt;/sub&gt;|&lt;sup&gt;1−α&lt;/sup&gt; und multipliziert die Spalte j der Gewichte damit: Das Produkt bleibt gleich, aber die Schwierigkeit wandert von den Aktivierungen zu den Gewichten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Outlier threshold:</source>
        <translation>Ausreißerschwelle:</translation>
    </message>
    <message>
        <source>A channel is an outlier when it holds a |x| of at least this multiple of the median over the channels of their largest |x|</source>
        <translation>Ein Kanal ist ein Ausreißer, wenn er ein |x| von mindestens diesem Vielfachen des Medians der größten |x| aller Kanäle enthält</translation>
    </message>
    <message>
        <source>× the median channel&apos;s max |x|</source>
        <translation>× max |x| des Median-Kanals</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LLM.int8 decomposition&lt;/h3&gt;&lt;p&gt;The median channel&apos;s largest |x| is %9, so the threshold %10 × %9 is |x| ≥ %3. %1 of %2 channels hold such a value (%4 values in all; the largest |x| is %5). LLM.int8 multiplies these %1 columns in FP16 and the other %6 in int8. Relative output error of X·Wᵀ: int8 everywhere &lt;b&gt;%7 %&lt;/b&gt;, LLM.int8 &lt;b&gt;%8 %&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LLM.int8-Zerlegung&lt;/h3&gt;&lt;p&gt;Das größte |x| des Median-Kanals ist %9, die Schwelle %10 × %9 also |x| ≥ %3. %1 von %2 Kanälen enthalten einen solchen Wert (insgesamt %4 Werte; das größte |x| ist %5). LLM.int8 multipliziert diese %1 Spalten in FP16 und die übrigen %6 in int8. Relativer Ausgabefehler von X·Wᵀ: überall int8 &lt;b&gt;%7 %&lt;/b&gt;, LLM.int8 &lt;b&gt;%8 %&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No channel of this layer stands out that far: outlier features emerge in models of several billion parameters (Dettmers et al. saw them from about 6.7 B on). Lower the multiple to see the decomposition at work.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Kanal dieser Schicht ragt so weit heraus: Ausreißermerkmale entstehen in Modellen mit mehreren Milliarden Parametern (Dettmers et al. sahen sie ab etwa 6,7 B). Senken Sie das Vielfache, um die Zerlegung in Aktion zu sehen.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qx::ui::OutliersView</name>
    <message>
        <source>The largest |w| of the tensor; right click to export as CSV</source>
        <translation>Die größten |w| des Tensors; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>max |w|</source>
        <translation>max |w|</translation>
    </message>
    <message>
        <source>RMS</source>
        <translation>RMS</translation>
    </message>
    <message>
        <source>|w|</source>
        <translation>|w|</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>Zeile (Ausgangskanal)</translation>
    </message>
    <message>
        <source>column (input channel)</source>
        <translation>Spalte (Eingangskanal)</translation>
    </message>
    <message>
        <source>No value lies beyond 6σ (|w| &gt; %1): no outliers.</source>
        <translation>Kein Wert liegt jenseits von 6σ (|w| &gt; %1): keine Ausreißer.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) beyond 6σ (|w| &gt; %1); the largest %2 are listed.</source>
        <translation>
            <numerusform>%n Wert jenseits von 6σ (|w| &gt; %1); die größten %2 sind aufgeführt.</numerusform>
            <numerusform>%n Werte jenseits von 6σ (|w| &gt; %1); die größten %2 sind aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>|w| map</source>
        <translation>|w|-Karte</translation>
    </message>
    <message>
        <source>Rows and columns</source>
        <translation>Zeilen und Spalten</translation>
    </message>
    <message>
        <source>Largest |w|</source>
        <translation>Größte |w|</translation>
    </message>
    <message>
        <source>The largest |w| of each cell of the tensor: outlier rows and columns stand out</source>
        <translation>Das größte |w| jeder Zelle des Tensors: Ausreißerzeilen und -spalten fallen auf</translation>
    </message>
    <message>
        <source>max |w| and RMS of every row (output channel) and column (input channel)</source>
        <translation>max |w| und RMS jeder Zeile (Ausgabekanal) und Spalte (Eingabekanal)</translation>
    </message>
    <message>
        <source>The tensor&apos;s largest values and how many σ they lie from 0</source>
        <translation>Die größten Werte des Tensors und wie viele σ sie von 0 entfernt liegen</translation>
    </message>
    <message>
        <source>%1 (max over groups of %2)</source>
        <translation>%1 (Maximum über Gruppen zu %2)</translation>
    </message>
    <message>
        <source>Per row</source>
        <translation>Je Zeile</translation>
    </message>
    <message>
        <source>Per column</source>
        <translation>Je Spalte</translation>
    </message>
    <message>
        <source>Largest |w| in each cell of the down-sampled tensor; bright cells hold outliers</source>
        <translation>Größtes |w| in jeder Zelle des verkleinerten Tensors; helle Zellen enthalten Ausreißer</translation>
    </message>
    <message>
        <source>max |w| per cell of %1 × %2 values</source>
        <translation>max |w| pro Zelle aus %1 × %2 Werten</translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanDocument</name>
    <message>
        <source>Set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
    <message>
        <source>Set %1 tensors to %2</source>
        <translation>%1 Tensoren auf %2 setzen</translation>
    </message>
    <message>
        <source>Set all tensors to %1</source>
        <translation>Alle Tensoren auf %1 setzen</translation>
    </message>
    <message>
        <source>Preset %1</source>
        <translation>Voreinstellung %1</translation>
    </message>
    <message>
        <source>Pin %1 tensors</source>
        <translation>%1 Tensoren fixieren</translation>
    </message>
    <message>
        <source>Unpin %1 tensors</source>
        <translation>%1 Tensoren lösen</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <source>Recover unsaved plan</source>
        <translation>Ungespeicherten Plan wiederherstellen</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>%1 anwenden</translation>
    </message>
    <message>
        <source>solver %1 bpw</source>
        <translation>Löser %1 bpw</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>wie gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n schemes</source>
        <translation>
            <numerusform>%n Schema</numerusform>
            <numerusform>%n Schemata</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanExport</name>
    <message>
        <source>its stored type</source>
        <translation>seinem gespeicherten Typ</translation>
    </message>
    <message>
        <source>%1: %2 is not exportable to GGUF — written as %3</source>
        <translation>%1: %2 ist nicht nach GGUF exportierbar – geschrieben als %3</translation>
    </message>
    <message>
        <source>… and more</source>
        <translation>… und weitere</translation>
    </message>
    <message>
        <source>%1 quantizes activations as well as weights (W8A8): it can be evaluated but GGUF cannot hold it. Undo or choose other types to export.</source>
        <translation>%1 quantisiert Aktivierungen wie Gewichte (W8A8): Es lässt sich bewerten, aber GGUF kann es nicht aufnehmen. Zum Exportieren rückgängig machen oder andere Typen wählen.</translation>
    </message>
    <message>
        <source>%1 uses a uniform integer grid that has no GGUF type: it can be evaluated but not exported.</source>
        <translation>%1 verwendet ein gleichmäßiges Ganzzahlraster ohne GGUF-Typ: Es lässt sich bewerten, aber nicht exportieren.</translation>
    </message>
    <message>
        <source>Calibrated weights are exported from GGUF models only; convert this model to GGUF first.</source>
        <translation>Kalibrierte Gewichte werden nur aus GGUF-Modellen exportiert; dieses Modell zuerst nach GGUF umwandeln.</translation>
    </message>
    <message>
        <source>Export GGUF</source>
        <translation>GGUF exportieren</translation>
    </message>
    <message>
        <source>Not exportable to GGUF</source>
        <translation>Nicht nach GGUF exportierbar</translation>
    </message>
    <message>
        <source>Some tensors use a scheme that has no GGUF type. The file will hold the nearest GGUF type instead:

%1

Export anyway?</source>
        <translation>Einige Tensoren nutzen ein Schema ohne GGUF-Typ. Die Datei enthält stattdessen den nächstliegenden GGUF-Typ:

%1

Trotzdem exportieren?</translation>
    </message>
    <message>
        <source>Export GGUF (%1)</source>
        <translation>GGUF exportieren (%1)</translation>
    </message>
    <message>
        <source>GGUF files (*.gguf)</source>
        <translation>GGUF-Dateien (*.gguf)</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exportiere %1</translation>
    </message>
    <message>
        <source>Wrote %1: %2 bytes, %3 tensors quantized, %4 copied, every tensor verified</source>
        <translation>%1 geschrieben: %2 Bytes, %3 Tensoren quantisiert, %4 kopiert, jeder Tensor geprüft</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written to %1</source>
        <translation>Export abgebrochen; nichts wurde nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export to %1 failed: %2. %3</source>
        <translation>Export nach %1 fehlgeschlagen: %2. %3</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Wrote %1: %2 bytes, %3 tensors quantized, %4 copied; largest deviation of a calibrated value from the evaluated one: %5</source>
        <translation>%1 geschrieben: %2 Bytes, %3 Tensoren quantisiert, %4 kopiert; größte Abweichung eines kalibrierten Werts vom bewerteten: %5</translation>
    </message>
    <message>
        <source>Export Plan Report</source>
        <translation>Plan-Bericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md);;CSV (*.csv);;JSON (*.json)</source>
        <translation>Markdown (*.md);;CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Wrote the plan report %1</source>
        <translation>Plan-Bericht %1 geschrieben</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot build the report: %1</source>
        <translation>Der Bericht kann nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>qx::ui::PlanFileActions</name>
    <message>
        <source>Unsaved plan</source>
        <translation>Ungespeicherter Plan</translation>
    </message>
    <message>
        <source>The quantization plan has unsaved changes. Save them?</source>
        <translation>Der Quantisierungsplan hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Could not save the plan</source>
        <translation>Der Plan konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>Quantization plans (*.json)</source>
        <translation>Quantisierungspläne (*.json)</translation>
    </message>
    <message>
        <source>Load Plan</source>
        <translation>Plan laden</translation>
    </message>
    <message>
        <source>Quantization plans (*.json);;All files (*)</source>
        <translation>Quantisierungspläne (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not load the plan</source>
        <translation>Der Plan konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>“%1” does not fit this model or is not a plan.
Detail: %2</source>
        <translation>„%1“ passt nicht zu diesem Modell oder ist kein Plan.
Detail: %2</translation>
    </message>
    <message>
        <source>Recover unsaved plan</source>
        <translation>Ungespeicherten Plan wiederherstellen</translation>
    </message>
    <message>
        <source>An unsaved plan for this model was kept from %1 (the program did not close normally). Recover it?</source>
        <translation>Von %1 ist ein ungespeicherter Plan für dieses Modell erhalten (das Programm wurde nicht normal beendet). Wiederherstellen?</translation>
    </message>
    <message>
        <source>Could not recover the plan: %1</source>
        <translation>Der Plan konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigener</translation>
    </message>
    <message>
        <source>%1 file (%2 bytes)</source>
        <translation>%1 Datei (%2 Bytes)</translation>
    </message>
    <message>
        <source>file size unknown</source>
        <translation>Dateigröße unbekannt</translation>
    </message>
    <message>
        <source>Plan (%1): %2 · %3 bits/weight · %4 % of the stored tensors</source>
        <translation>Plan (%1): %2 · %3 Bit/Gewicht · %4 % der gespeicherten Tensoren</translation>
    </message>
</context>
<context>
    <name>qx::ui::QatLesson</name>
    <message>
        <source>&lt;h2&gt;Quantization-aware training (QAT), live&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Post-training quantization&lt;/b&gt; (PTQ) rounds the finished weights. &lt;b&gt;QAT&lt;/b&gt; keeps training with the rounding in the forward pass: the model sees its quantized weights, and the gradient passes through the rounding as if it were the identity (the &lt;b&gt;straight-through estimator&lt;/b&gt;) to update float &quot;latent&quot; weights. The weights learn to sit where rounding hurts least.&lt;/p&gt;&lt;p&gt;Here the built-in demo model (trained by qexplore on its own generated stories) is fine-tuned for %1 steps of %2 × %3 tokens at 2, 3 and 4 bits (asymmetric, one FP16 step per %4 weights). That takes about 15 seconds of processor time: roughly 10 seconds on two idle cores, several times longer when they are busy. Perplexity is measured on held-out stories.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Quantisierungsbewusstes Training (QAT), live&lt;/h2&gt;&lt;p&gt;&lt;b&gt;Quantisierung nach dem Training&lt;/b&gt; (PTQ) rundet die fertigen Gewichte. &lt;b&gt;QAT&lt;/b&gt; trainiert mit der Rundung im Vorwärtsdurchlauf weiter: Das Modell sieht seine quantisierten Gewichte, und der Gradient passiert die Rundung, als wäre sie die Identität (der &lt;b&gt;Straight-Through-Schätzer&lt;/b&gt;), um „latente“ Gleitkommagewichte zu aktualisieren. Die Gewichte lernen, dort zu liegen, wo Rundung am wenigsten schadet.&lt;/p&gt;&lt;p&gt;Hier wird das eingebaute Demo-Modell (von qexplore auf selbst erzeugten Geschichten trainiert) %1 Schritte lang mit %2 × %3 Tokens bei 2, 3 und 4 Bit feinabgestimmt (asymmetrisch, eine FP16-Schrittweite pro %4 Gewichte). Das braucht etwa 15 Sekunden Rechenzeit: auf zwei freien Kernen rund 10 Sekunden, auf ausgelasteten ein Vielfaches davon. Die Perplexität wird auf zurückgehaltenen Geschichten gemessen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>PTQ perplexity</source>
        <translation>PTQ-Perplexität</translation>
    </message>
    <message>
        <source>QAT perplexity</source>
        <translation>QAT-Perplexität</translation>
    </message>
    <message>
        <source>PTQ loss recovered</source>
        <translation>zurückgewonnener PTQ-Verlust</translation>
    </message>
    <message>
        <source>This lesson needs a model trained by qexplore: open the built-in demo model (it opens at start).</source>
        <translation>Diese Lektion braucht ein von qexplore trainiertes Modell: Öffnen Sie das eingebaute Demo-Modell (es öffnet sich beim Start).</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt;. Press &lt;b&gt;Train&lt;/b&gt;.</source>
        <translation>Modell: &lt;b&gt;%1&lt;/b&gt;. Drücken Sie &lt;b&gt;Trainieren&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Training loss per step (fake-quantized forward pass)</source>
        <translation>Trainingsverlust pro Schritt (simuliert quantisierter Vorwärtsdurchlauf)</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>loss (nats per token)</source>
        <translation>Verlust (Nats pro Token)</translation>
    </message>
    <message>
        <source>QAT INT%1</source>
        <translation>QAT INT%1</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>Training läuft…</translation>
    </message>
    <message>
        <source>QAT lesson</source>
        <translation>QAT-Lektion</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Done in %1 s. Float (unquantized) model: held-out perplexity %2.</source>
        <translation>Fertig in %1 s. Gleitkommamodell (nicht quantisiert): Perplexität auf zurückgehaltenen Daten %2.</translation>
    </message>
    <message>
        <source>F32 (no quantization)</source>
        <translation>F32 (keine Quantisierung)</translation>
    </message>
    <message>
        <source>INT%1, group %2</source>
        <translation>INT%1, Gruppe %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>nothing to recover</source>
        <translation>nichts zurückzugewinnen</translation>
    </message>
    <message>
        <source>QAT live</source>
        <translation>QAT live</translation>
    </message>
</context>
<context>
    <name>qx::ui::RunsModel</name>
    <message>
        <source>Size of the GGUF file the plan exports, to the byte</source>
        <translation>Größe der GGUF-Datei, die der Plan exportiert, auf das Byte genau</translation>
    </message>
    <message>
        <source>Bits per weight of the planned tensors (8 · bytes / parameters)</source>
        <translation>Bits pro Gewicht der geplanten Tensoren (8 · Bytes / Parameter)</translation>
    </message>
    <message>
        <source>Perplexity of the plan on the text ± llama.cpp&apos;s uncertainty (lower is better)</source>
        <translation>Perplexität des Plans auf dem Text ± Unsicherheit nach llama.cpp (niedriger ist besser)</translation>
    </message>
    <message>
        <source>Perplexity of the unquantized (F32) model on the same chunks</source>
        <translation>Perplexität des nicht quantisierten (F32-)Modells auf denselben Blöcken</translation>
    </message>
    <message>
        <source>Mean KL divergence of the plan&apos;s token distribution from the F32 model&apos;s, nats per token</source>
        <translation>Mittlere KL-Divergenz der Token-Verteilung des Plans von der des F32-Modells, Nats pro Token</translation>
    </message>
    <message>
        <source>99th percentile of the per-token KL divergence</source>
        <translation>99. Perzentil der KL-Divergenz pro Token</translation>
    </message>
    <message>
        <source>Share of tokens whose most likely next token is unchanged</source>
        <translation>Anteil der Token, deren wahrscheinlichstes nächstes Token unverändert bleibt</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bits/Gewicht</translation>
    </message>
    <message>
        <source>PPL</source>
        <translation>PPL</translation>
    </message>
    <message>
        <source>PPL (F32)</source>
        <translation>PPL (F32)</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>Mittlere KLD</translation>
    </message>
    <message>
        <source>KLD 99%</source>
        <translation>KLD 99 %</translation>
    </message>
    <message>
        <source>Same top</source>
        <translation>Gleiches Top</translation>
    </message>
    <message>
        <source>Ctx</source>
        <translation>Ktx</translation>
    </message>
    <message>
        <source>Chunks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>%1
on %2, context %3, %4 chunks</source>
        <translation>%1
auf %2, Kontext %3, %4 Abschnitte</translation>
    </message>
</context>
<context>
    <name>qx::ui::RunsView</name>
    <message>
        <source>Double-click a run to load its plan; right click to export as CSV</source>
        <translation>Doppelklick auf einen Lauf lädt seinen Plan; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the table as comma-separated values</source>
        <translation>Tabelle als kommagetrennte Werte speichern</translation>
    </message>
    <message>
        <source>Every evaluation of this session; hover the headers for what each column means.</source>
        <translation>Jede Auswertung dieser Sitzung; die Spaltenköpfe erklären beim Überfahren jede Spalte.</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>qx::ui::SchemePanel</name>
    <message>
        <source>Calibrate</source>
        <translation>Kalibrieren</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Formats of the traits table: GGUF types first, then schemes a GGUF file cannot hold</source>
        <translation>Formate der Eigenschaftstabelle: zuerst GGUF-Typen, dann Schemata, die eine GGUF-Datei nicht aufnehmen kann</translation>
    </message>
    <message>
        <source>%1 — %2 bits/weight</source>
        <translation>%1 — %2 Bit/Gewicht</translation>
    </message>
    <message>
        <source>The scheme Apply gives the tensors, as the tree&apos;s Planned column names it</source>
        <translation>Das Schema, das „Anwenden“ den Tensoren gibt, so benannt wie in der Plan-Spalte des Baums</translation>
    </message>
    <message>
        <source>Apply to Selection</source>
        <translation>Auf Auswahl anwenden</translation>
    </message>
    <message>
        <source>Give the selected tensors this format (Ctrl+T)</source>
        <translation>Den ausgewählten Tensoren dieses Format geben (Strg+T)</translation>
    </message>
    <message>
        <source>Apply to All</source>
        <translation>Auf alle anwenden</translation>
    </message>
    <message>
        <source>Every quantizable weight in this format; norms stay F32, rows that do not fit take llama-quantize&apos;s fallback</source>
        <translation>Jedes quantisierbare Gewicht in diesem Format; Normen bleiben F32, unpassende Zeilen erhalten den Ersatztyp von llama-quantize</translation>
    </message>
    <message>
        <source>Regex, e.g. ffn_down|attn_v</source>
        <translation>Regex, z. B. ffn_down|attn_v</translation>
    </message>
    <message>
        <source>Apply to Matching</source>
        <translation>Auf Treffer anwenden</translation>
    </message>
    <message>
        <source>Tensors whose name matches the regular expression</source>
        <translation>Tensoren, deren Name zum regulären Ausdruck passt</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fixiert</translation>
    </message>
    <message>
        <source>Presets and the budget solver keep the selected tensors&apos; formats</source>
        <translation>Voreinstellungen und der Budget-Löser behalten die Formate der ausgewählten Tensoren bei</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Let presets and the solver change the selected tensors again</source>
        <translation>Voreinstellungen und Löser dürfen die ausgewählten Tensoren wieder ändern</translation>
    </message>
    <message>
        <source>llama-quantize preset</source>
        <translation>llama-quantize-Voreinstellung</translation>
    </message>
    <message>
        <source>llama-quantize&apos;s type mixes (llama.cpp b4748), rule for rule; the Reason column says which rule chose each tensor&apos;s type</source>
        <translation>Die Typmischungen von llama-quantize (llama.cpp b4748), Regel für Regel; die Spalte „Grund“ nennt die Regel, die den Typ jedes Tensors gewählt hat</translation>
    </message>
    <message>
        <source>Apply Preset</source>
        <translation>Voreinstellung anwenden</translation>
    </message>
    <message>
        <source>Re-plan every unpinned tensor with this mix</source>
        <translation>Jeden nicht fixierten Tensor mit dieser Mischung neu planen</translation>
    </message>
    <message>
        <source>Size budget</source>
        <translation>Größenbudget</translation>
    </message>
    <message>
        <source>Chooses per-tensor formats that minimise the predicted loss (importance-weighted squared round-trip error) within the budget; pinned tensors are kept</source>
        <translation>Wählt pro Tensor die Formate, die den vorhergesagten Verlust (wichtigkeitsgewichteter quadratischer Rundreisefehler) im Budget minimieren; fixierte Tensoren bleiben</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bit/Gewicht</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <source>Measuring candidates… %p%</source>
        <translation>Kandidaten werden gemessen… %p%</translation>
    </message>
    <message>
        <source>Scheme: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Schema: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1, blocks of %2 values</source>
        <translation>%1, Blöcke zu %2 Werten</translation>
    </message>
    <message>
        <source>%1 %2 — not exportable to GGUF; nearest type %3, which these rows cannot hold: a file holds %4. The error columns show this scheme; the file size counts %4.</source>
        <translation>%1 %2 — nicht als GGUF exportierbar; nächster Typ %3, den diese Zeilen nicht fassen: eine Datei enthält %4. Die Fehlerspalten zeigen dieses Schema; die Dateigröße zählt %4.</translation>
    </message>
    <message>
        <source>%1 %2 — not exportable to GGUF: a file holds %3 (llama-quantize&apos;s fallback where rows do not fit). The error columns show this scheme; the file size counts %3.</source>
        <translation>%1 %2 — nicht als GGUF exportierbar: eine Datei enthält %3 (den Ersatztyp von llama-quantize, wo die Zeilen nicht passen). Die Fehlerspalten zeigen dieses Schema; die Dateigröße zählt %3.</translation>
    </message>
    <message>
        <source>No tensor here can hold it.</source>
        <translation>Kein Tensor hier kann es aufnehmen.</translation>
    </message>
    <message>
        <source>Exactly %1 bits/weight (%2) over every weight it fits.</source>
        <translation>Genau %1 Bits/Gewicht (%2) über alle Gewichte, zu denen es passt.</translation>
    </message>
    <message>
        <source>Exactly %1 bits/weight (%2) on the selection.</source>
        <translation>Genau %1 Bits/Gewicht (%2) für die Auswahl.</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) cannot hold it (row length).</source>
        <translation>
            <numerusform>%n Tensor kann es nicht aufnehmen (Zeilenlänge).</numerusform>
            <numerusform>%n Tensoren können es nicht aufnehmen (Zeilenlänge).</numerusform>
        </translation>
    </message>
    <message>
        <source>Apply to %1 Selected</source>
        <translation>Auf %1 ausgewählte anwenden</translation>
    </message>
    <message>
        <source>%1 took llama-quantize&apos;s fallback type</source>
        <translation>%1 mit dem Ersatztyp von llama-quantize</translation>
    </message>
    <message>
        <source>%1 pinned kept</source>
        <translation>%1 fixierte beibehalten</translation>
    </message>
    <message>
        <source>%1 left as they are (vectors, or rows the format cannot hold)</source>
        <translation>%1 unverändert (Vektoren oder Zeilen, die das Format nicht aufnehmen kann)</translation>
    </message>
    <message>
        <source>No tensor matches “%1”</source>
        <translation>Kein Tensor passt zu „%1“</translation>
    </message>
    <message>
        <source>Measuring candidate formats…</source>
        <translation>Kandidatenformate werden gemessen…</translation>
    </message>
    <message>
        <source>The budget solver is unavailable: %1</source>
        <translation>Der Budget-Löser ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Measuring candidates was cancelled</source>
        <translation>Das Messen der Kandidaten wurde abgebrochen</translation>
    </message>
    <message>
        <source>%1 bits/weight</source>
        <translation>%1 Bit/Gewicht</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 Datei</translation>
    </message>
    <message>
        <source>Budget %1</source>
        <translation>Budget %1</translation>
    </message>
    <message>
        <source>The solver now minimises measured KLD; move the slider to re-solve.</source>
        <translation>Der Solver minimiert jetzt die gemessene KLD; Schieberegler bewegen, um neu zu lösen.</translation>
    </message>
    <message>
        <source>Measured KLD cannot calibrate the solver: %1</source>
        <translation>Die gemessene KLD kann den Solver nicht kalibrieren: %1</translation>
    </message>
    <message>
        <source>Not in GGUF: for measuring, a GGUF export holds llama-quantize&apos;s type</source>
        <translation>Nicht in GGUF: zum Messen; ein GGUF-Export enthält den Typ von llama-quantize</translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s) changed</source>
        <translation>
            <numerusform>%n Tensor geändert</numerusform>
            <numerusform>%n Tensoren geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to 8.5 bits/weight, where the useful plans lie, takes most of the track; the rest reaches F16 and F32</source>
        <translation>Bis 8,5 Bit/Gewicht, wo die brauchbaren Pläne liegen, nimmt den größten Teil der Leiste ein; der Rest reicht bis F16 und F32</translation>
    </message>
    <message>
        <source>Type a target: the solver finds the plan of least predicted loss within it</source>
        <translation>Ein Ziel eingeben: der Löser sucht den Plan mit dem kleinsten vorhergesagten Verlust innerhalb dieses Ziels</translation>
    </message>
    <message>
        <source>Move the slider or type a target to let the solver choose every unpinned tensor&apos;s format.</source>
        <translation>Den Schieberegler bewegen oder ein Ziel eingeben, damit der Löser das Format jedes nicht angehefteten Tensors wählt.</translation>
    </message>
    <message>
        <source> bits/weight</source>
        <translation> Bit/Gewicht</translation>
    </message>
    <message>
        <source> MiB file</source>
        <translation> MiB Datei</translation>
    </message>
    <message>
        <source>The budget cannot be met: this is the smallest plan.</source>
        <translation>Das Budget ist nicht einzuhalten: dies ist der kleinste Plan.</translation>
    </message>
    <message>
        <source>now %1 bits/weight, %2 file</source>
        <translation>jetzt %1 Bit/Gewicht, %2 Datei</translation>
    </message>
    <message>
        <source>The plan uses formats the solver does not predict (schemes): %1.</source>
        <translation>Der Plan nutzt Formate, die der Löser nicht vorhersagt (Schemata): %1.</translation>
    </message>
    <message>
        <source>Predicted KLD %1 nats per token (Q8_0 everywhere %2, Q4_K_M %3; each tensor&apos;s measured KLD scaled to its format and summed) · %4</source>
        <translation>Vorhergesagte KLD %1 nats je Token (Q8_0 überall %2, Q4_K_M %3; die gemessene KLD jedes Tensors auf sein Format skaliert und summiert) · %4</translation>
    </message>
    <message>
        <source>Predicted loss %1 (Q8_0 everywhere %2, Q4_K_M %3: the squared round-trip error, importance-weighted, summed; lower is better — measure sensitivity to predict KLD) · %4</source>
        <translation>Vorhergesagter Verlust %1 (Q8_0 überall %2, Q4_K_M %3: der quadrierte Fehler des Hin- und Rückwegs, nach Wichtigkeit gewichtet, summiert; kleiner ist besser — Empfindlichkeit messen, um die KLD vorherzusagen) · %4</translation>
    </message>
    <message>
        <source>; quantized with the importance matrix</source>
        <translation>; mit der Wichtigkeitsmatrix quantisiert</translation>
    </message>
    <message>
        <source>; needs an importance matrix (load or compute one under the presets)</source>
        <translation>; braucht eine Wichtigkeitsmatrix (unter den Vorgaben laden oder berechnen)</translation>
    </message>
    <message>
        <source>llama-quantize --imatrix: the importance matrix presets, the solver, evaluations and exports quantize with. IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS and IQ2_S need one.</source>
        <translation>llama-quantize --imatrix: die Wichtigkeitsmatrix, mit der Vorgaben, Solver, Auswertungen und Exporte quantisieren. IQ1_S, IQ1_M, IQ2_XXS, IQ2_XS und IQ2_S brauchen eine.</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Read an importance matrix (llama-imatrix .dat or GGUF)</source>
        <translation>Eine Wichtigkeitsmatrix lesen (llama-imatrix .dat oder GGUF)</translation>
    </message>
    <message>
        <source>Compute…</source>
        <translation>Berechnen…</translation>
    </message>
    <message>
        <source>Compute one as llama-imatrix does, on the evaluation text</source>
        <translation>Eine berechnen wie llama-imatrix, auf dem Auswertungstext</translation>
    </message>
    <message>
        <source>Load Importance Matrix</source>
        <translation>Wichtigkeitsmatrix laden</translation>
    </message>
    <message>
        <source>Importance matrices (*.dat *.gguf);;All files (*)</source>
        <translation>Wichtigkeitsmatrizen (*.dat *.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importance matrix: none</source>
        <translation>Wichtigkeitsmatrix: keine</translation>
    </message>
    <message numerus="yes">
        <source>Importance matrix: %1 (%n matrices, %2 chunks)</source>
        <translation>
            <numerusform>Wichtigkeitsmatrix: %1 (%n Matrix, %2 Abschnitte)</numerusform>
            <numerusform>Wichtigkeitsmatrix: %1 (%n Matrizen, %2 Abschnitte)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot use the importance matrix: %1 (%2)</source>
        <translation>Die Wichtigkeitsmatrix ist nicht verwendbar: %1 (%2)</translation>
    </message>
    <message>
        <source>Using the importance matrix %1</source>
        <translation>Wichtigkeitsmatrix %1 wird verwendet</translation>
    </message>
    <message>
        <source>Computing an importance matrix needs a text: choose one in the Evaluate panel</source>
        <translation>Zum Berechnen einer Wichtigkeitsmatrix braucht es einen Text: im Bereich Auswerten wählen</translation>
    </message>
    <message>
        <source>Computing the importance matrix…</source>
        <translation>Wichtigkeitsmatrix wird berechnet…</translation>
    </message>
    <message>
        <source>Computing the importance matrix failed: %1</source>
        <translation>Berechnen der Wichtigkeitsmatrix fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Computing the importance matrix was cancelled</source>
        <translation>Berechnen der Wichtigkeitsmatrix abgebrochen</translation>
    </message>
</context>
<context>
    <name>qx::ui::SensitivityBox</name>
    <message>
        <source>Type each tensor is quantized to on its own (llama-quantize&apos;s fallback where its rows do not fit)</source>
        <translation>Typ, in den jeder Tensor einzeln quantisiert wird (Ersatztyp von llama-quantize, wo seine Zeilen nicht passen)</translation>
    </message>
    <message>
        <source>Measure Sensitivity</source>
        <translation>Empfindlichkeit messen</translation>
    </message>
    <message>
        <source>Enable-one KLD: each tensor quantized alone to the chosen type, everything else unquantized; mean KL divergence (nats) of the output against the unquantized model on the first %1 tokens of the evaluation text from Settings. Fills the Sensitivity column.</source>
        <translation>Enable-one-KLD: jeder Tensor allein in den gewählten Typ quantisiert, alles andere unquantisiert; mittlere KL-Divergenz (nats) der Ausgabe gegenüber dem unquantisierten Modell auf den ersten %1 Token des Auswertungstexts aus den Einstellungen. Füllt die Spalte Empfindlichkeit.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Measuring sensitivity… %p%</source>
        <translation>Empfindlichkeit wird gemessen… %p%</translation>
    </message>
    <message>
        <source>Use measured KLD in the solver</source>
        <translation>Gemessene KLD im Solver verwenden</translation>
    </message>
    <message>
        <source>Scale each tensor&apos;s predicted loss so that it matches its measured KLD; the budget slider then minimises the predicted KLD in nats</source>
        <translation>Den vorhergesagten Verlust jedes Tensors so skalieren, dass er seiner gemessenen KLD entspricht; der Budget-Schieberegler minimiert dann die vorhergesagte KLD in nats</translation>
    </message>
    <message>
        <source>Choose an evaluation text in Settings or on the Evaluate page first.</source>
        <translation>Zuerst einen Auswertungstext in den Einstellungen oder auf der Seite Auswerten wählen.</translation>
    </message>
    <message>
        <source>Measuring sensitivity…</source>
        <translation>Empfindlichkeit wird gemessen…</translation>
    </message>
    <message>
        <source>Measuring sensitivity was cancelled.</source>
        <translation>Die Empfindlichkeitsmessung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Measuring sensitivity failed: %1 (%2)</source>
        <translation>Die Empfindlichkeitsmessung ist fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n tensors measured at %1 on “%2”</source>
        <translation>
            <numerusform>%n Tensor gemessen mit %1 auf „%2“</numerusform>
            <numerusform>%n Tensoren gemessen mit %1 auf „%2“</numerusform>
        </translation>
    </message>
    <message>
        <source> · most sensitive: %1 (KLD %2)</source>
        <translation> · am empfindlichsten: %1 (KLD %2)</translation>
    </message>
    <message>
        <source> · from the cache</source>
        <translation> · aus dem Cache</translation>
    </message>
</context>
<context>
    <name>qx::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source>Automatic (%1)</source>
        <translation>Automatisch (%1)</translation>
    </message>
    <message>
        <source>Threads used by the computations; automatic uses every core but one, which stays with the interface</source>
        <translation>Threads für die Berechnungen; automatisch nutzt alle Kerne bis auf einen, der der Oberfläche bleibt</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>Language and threads take effect the next time Quantization Explorer starts.</source>
        <translation>Sprache und Threads gelten ab dem nächsten Start von Quantization Explorer.</translation>
    </message>
    <message>
        <source>Plain text the Evaluate panel measures perplexity and KL divergence on</source>
        <translation>Klartext, auf dem das Auswertungsfeld Perplexität und KL-Divergenz misst</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>Tokens per chunk (llama-perplexity -c); the second half of each chunk is scored</source>
        <translation>Token pro Block (llama-perplexity -c); bewertet wird die zweite Hälfte jedes Blocks</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Chunks evaluated (llama-perplexity --chunks); 0 = every whole chunk of the text</source>
        <translation>Ausgewertete Blöcke (llama-perplexity --chunks); 0 = jeder vollständige Block des Textes</translation>
    </message>
    <message>
        <source>Evaluation defaults</source>
        <translation>Vorgaben für die Auswertung</translation>
    </message>
    <message>
        <source>Te&amp;xt file:</source>
        <translation>Te&amp;xtdatei:</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>&amp;Kontext:</translation>
    </message>
    <message>
        <source>C&amp;hunks:</source>
        <translation>&amp;Blöcke:</translation>
    </message>
    <message>
        <source>The Evaluate panel uses these values as soon as you press OK.</source>
        <translation>Das Auswertungsfeld übernimmt diese Werte, sobald Sie OK drücken.</translation>
    </message>
    <message>
        <source>Default evaluation text</source>
        <translation>Standardtext für die Auswertung</translation>
    </message>
    <message>
        <source>Text files (*.txt *.raw);;All files (*)</source>
        <translation>Textdateien (*.txt *.raw);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>qx::ui::StartPage</name>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
    </message>
    <message>
        <source>Look inside a language model and decide how to quantize it. Open a GGUF file, a safetensors file or Hugging Face folder, or a llama2.c checkpoint — or drop one onto this window.</source>
        <translation>Ein Sprachmodell untersuchen und entscheiden, wie es quantisiert wird. Öffnen Sie eine GGUF-Datei, eine safetensors-Datei oder einen Hugging-Face-Ordner oder einen llama2.c-Checkpoint – oder ziehen Sie eines davon auf dieses Fenster.</translation>
    </message>
    <message>
        <source>Open model file…</source>
        <translation>Modelldatei öffnen …</translation>
    </message>
    <message>
        <source>A .gguf, .safetensors or llama2.c .bin file (Ctrl+O)</source>
        <translation>Eine .gguf-, .safetensors- oder llama2.c-.bin-Datei (Strg+O)</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>Modellordner öffnen …</translation>
    </message>
    <message>
        <source>A Hugging Face folder with config.json and safetensors files</source>
        <translation>Ein Hugging-Face-Ordner mit config.json und safetensors-Dateien</translation>
    </message>
    <message>
        <source>Open demo model</source>
        <translation>Demo-Modell öffnen</translation>
    </message>
    <message>
        <source>A small built-in model to try the explorer without downloading anything</source>
        <translation>Ein kleines eingebautes Modell, um den Explorer ohne Download auszuprobieren</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>Zuletzt geöffnete Modelle</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Models you open will be listed here.</source>
        <translation>Geöffnete Modelle werden hier aufgeführt.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>qx::ui::SymmetricLesson</name>
    <message>
        <source>Below: the tensor&apos;s values (histogram) and the values each grid can represent.</source>
        <translation>Unten: die Werte des Tensors (Histogramm) und die Werte, die jedes Raster darstellen kann.</translation>
    </message>
    <message>
        <source>Bits: %1</source>
        <translation>Bits: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 bits&lt;/b&gt; on the tensor (one scale for the whole tensor): symmetric Δ = %2, SQNR %3 dB; asymmetric Δ = %4, z = %5, SQNR %6 dB.</source>
        <translation>&lt;b&gt;%1 Bit&lt;/b&gt; auf dem Tensor (eine Skala für den ganzen Tensor): symmetrisch Δ = %2, SQNR %3 dB; asymmetrisch Δ = %4, z = %5, SQNR %6 dB.</translation>
    </message>
    <message>
        <source>Tensor values (count per bin)</source>
        <translation>Werte des Tensors (Anzahl pro Klasse)</translation>
    </message>
    <message>
        <source>Symmetric grid</source>
        <translation>Symmetrisches Raster</translation>
    </message>
    <message>
        <source>Asymmetric grid</source>
        <translation>Asymmetrisches Raster</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>Gewichtswert</translation>
    </message>
    <message>
        <source>values per bin</source>
        <translation>Werte pro Klasse</translation>
    </message>
    <message>
        <source>asym. grid</source>
        <translation>asym. Raster</translation>
    </message>
    <message>
        <source>sym. grid</source>
        <translation>sym. Raster</translation>
    </message>
    <message>
        <source>Symmetric vs asymmetric</source>
        <translation>Symmetrisch und asymmetrisch</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Symmetric (absmax) vs asymmetric (zero-point)&lt;/h2&gt;&lt;p&gt;Both map real numbers onto integer codes with one step Δ. &lt;b&gt;Symmetric&lt;/b&gt; quantization centres the codes on 0 (range ±absmax), &lt;b&gt;asymmetric&lt;/b&gt; quantization maps the range [min, max] onto them with a zero point z. The worked example below uses this tensor&apos;s own numbers.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Symmetrisch (absmax) gegen asymmetrisch (Nullpunkt)&lt;/h2&gt;&lt;p&gt;Beide bilden reelle Zahlen mit einem Schritt Δ auf ganzzahlige Codes ab. &lt;b&gt;Symmetrische&lt;/b&gt; Quantisierung zentriert die Codes um 0 (Bereich ±absmax), &lt;b&gt;asymmetrische&lt;/b&gt; Quantisierung bildet den Bereich [min, max] mit einem Nullpunkt z auf sie ab. Das Rechenbeispiel unten verwendet die eigenen Zahlen dieses Tensors.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Symmetric:&lt;/b&gt; this tensor&apos;s absmax is %1, so with 8 bits Δ = %1 / 127 = %2. Two of its weights, %3 and %4, both become round(x / Δ) = &lt;b&gt;%5&lt;/b&gt; and come back as %6: the difference between them is lost.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Symmetrisch:&lt;/b&gt; das absmax dieses Tensors ist %1, mit 8 Bit also Δ = %1 / 127 = %2. Zwei seiner Gewichte, %3 und %4, werden beide zu round(x / Δ) = &lt;b&gt;%5&lt;/b&gt; und kommen als %6 zurück: der Unterschied zwischen ihnen geht verloren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Symmetric:&lt;/b&gt; this tensor&apos;s absmax is %1, so with 8 bits Δ = %1 / 127 = %2. It has so few distinct values that each keeps a code of its own.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Symmetrisch:&lt;/b&gt; das absmax dieses Tensors ist %1, mit 8 Bit also Δ = %1 / 127 = %2. Er hat so wenige verschiedene Werte, dass jeder einen eigenen Code behält.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Asymmetric:&lt;/b&gt; its range [min, max] = [%1, %2] is mapped onto the codes 0…255: Δ = (%2 − %1) / 255 = %3 and the zero point z = round(−min / Δ) = &lt;b&gt;%4&lt;/b&gt; (%5 in the signed form code − 128). %1 → %6, 0 → %7, %8 → %9, %2 → %10. 0 is exact, and when the range is lopsided no code is wasted on the empty side of zero.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Asymmetrisch:&lt;/b&gt; sein Bereich [min, max] = [%1, %2] wird auf die Codes 0…255 abgebildet: Δ = (%2 − %1) / 255 = %3 und der Nullpunkt z = round(−min / Δ) = &lt;b&gt;%4&lt;/b&gt; (%5 in der vorzeichenbehafteten Form Code − 128). %1 → %6, 0 → %7, %8 → %9, %2 → %10. 0 ist exakt, und bei einem schiefen Bereich wird kein Code an die leere Seite der Null verschwendet.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorPane</name>
    <message>
        <source>Filter tensors by name (regular expression, e.g. attn_(q|k))</source>
        <translation>Tensoren nach Namen filtern (regulärer Ausdruck, z. B. attn_(q|k))</translation>
    </message>
    <message>
        <source>Shows the tensors whose name matches, with their layer (Ctrl+F)</source>
        <translation>Zeigt die Tensoren mit passendem Namen samt ihrer Schicht (Strg+F)</translation>
    </message>
    <message>
        <source>Open in Learn lab</source>
        <translation>Im Lernlabor öffnen</translation>
    </message>
    <message>
        <source>Invalid regular expression</source>
        <translation>Ungültiger regulärer Ausdruck</translation>
    </message>
    <message>
        <source>%1 of %2 tensors</source>
        <translation>%1 von %2 Tensoren</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tensor name (GGUF spelling)</source>
        <translation>Tensorname (GGUF-Schreibweise)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Dimensions, row length first (ggml order)</source>
        <translation>Dimensionen, Zeilenlänge zuerst (ggml-Reihenfolge)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Number of weights</source>
        <translation>Anzahl der Gewichte</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Bytes the tensor occupies in the file</source>
        <translation>Bytes, die der Tensor in der Datei belegt</translation>
    </message>
    <message>
        <source>Bits/weight</source>
        <translation>Bit/Gewicht</translation>
    </message>
    <message>
        <source>Storage bits per weight, block scales included</source>
        <translation>Speicherbits pro Gewicht, Block-Skalen eingeschlossen</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>gemischt</translation>
    </message>
    <message>
        <source>Tensors outside the layers: embeddings, output head, final norm</source>
        <translation>Tensoren außerhalb der Schichten: Embeddings, Ausgabekopf, letzte Normierung</translation>
    </message>
    <message>
        <source>Transformer layer %1</source>
        <translation>Transformer-Schicht %1</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>%1
Offset %2 in %3</source>
        <translation>%1
Offset %2 in %3</translation>
    </message>
    <message>
        <source>Stored as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Element type stored in the file</source>
        <translation>In der Datei gespeicherter Elementtyp</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fixiert</translation>
    </message>
    <message>
        <source>Pinned tensors keep their planned format when a preset or the budget solver re-plans</source>
        <translation>Fixierte Tensoren behalten ihr geplantes Format, wenn eine Voreinstellung oder der Budget-Löser neu plant</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Format the plan gives the tensor (grey: kept as stored)</source>
        <translation>Format, das der Plan dem Tensor gibt (grau: wie gespeichert)</translation>
    </message>
    <message>
        <source>Plan bits</source>
        <translation>Plan-Bits</translation>
    </message>
    <message>
        <source>Bits per weight of the planned format, block scales included</source>
        <translation>Bits pro Gewicht des geplanten Formats, Blockskalen eingeschlossen</translation>
    </message>
    <message>
        <source>Plan size</source>
        <translation>Plan-Größe</translation>
    </message>
    <message>
        <source>Exact bytes of the tensor in the planned format</source>
        <translation>Exakte Bytes des Tensors im geplanten Format</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Signal-to-quantization-noise ratio of the planned format in dB (higher is better; ∞ = kept as stored), computed in the background</source>
        <translation>Signal-Quantisierungsrausch-Verhältnis des geplanten Formats in dB (höher ist besser; ∞ = wie gespeichert), im Hintergrund berechnet</translation>
    </message>
    <message>
        <source>Rel. error</source>
        <translation>Rel. Fehler</translation>
    </message>
    <message>
        <source>Relative error ‖w − q(w)‖ / ‖w‖ of the planned format</source>
        <translation>Relativer Fehler ‖w − q(w)‖ / ‖w‖ des geplanten Formats</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Why the plan chose this format (preset rule, layer, fallback, solver, by hand)</source>
        <translation>Warum der Plan dieses Format gewählt hat (Regel der Voreinstellung, Schicht, Ersatztyp, Löser, von Hand)</translation>
    </message>
    <message>
        <source>%1 pinned tensors</source>
        <translation>%1 fixierte Tensoren</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Pinned: presets and the solver keep this format</source>
        <translation>Fixiert: Voreinstellungen und Löser behalten dieses Format bei</translation>
    </message>
    <message>
        <source>Not pinned</source>
        <translation>Nicht fixiert</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Being computed in the background</source>
        <translation>Wird im Hintergrund berechnet</translation>
    </message>
    <message>
        <source>The planned format cannot hold this tensor</source>
        <translation>Das geplante Format kann diesen Tensor nicht aufnehmen</translation>
    </message>
    <message>
        <source>Kept as stored: no error</source>
        <translation>Wie gespeichert: kein Fehler</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n. v.</translation>
    </message>
    <message>
        <source>KLD</source>
        <translation>KLD</translation>
    </message>
    <message>
        <source>Sensitivity: the measured KL divergence (nats) when only this tensor is quantized; empty until measured (Plan › Measure Sensitivity)</source>
        <translation>Empfindlichkeit: die gemessene KL-Divergenz (nats), wenn nur dieser Tensor quantisiert wird; leer, bis sie gemessen ist (Plan › Empfindlichkeit messen)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Error of the calibrated %1 weights (AWQ: against its scaled weights; SmoothQuant: with the folded scales taken out)</source>
        <translation>Fehler der kalibrierten %1-Gewichte (AWQ: gegenüber seinen skalierten Gewichten; SmoothQuant: ohne die eingefalteten Skalen)</translation>
    </message>
</context>
<context>
    <name>qx::ui::TensorViews</name>
    <message>
        <source>Candidate format: the tensor is quantized to it and dequantized again</source>
        <translation>Kandidatenformat: Der Tensor wird darin quantisiert und wieder dequantisiert</translation>
    </message>
    <message>
        <source>Candidate format:</source>
        <translation>Kandidatenformat:</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Verteilung</translation>
    </message>
    <message>
        <source>Outliers</source>
        <translation>Ausreißer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>PNG/SVG exportieren…</translation>
    </message>
    <message>
        <source>Save the current tab as a PNG picture or an SVG vector drawing (chosen by the file type)</source>
        <translation>Den aktuellen Reiter als PNG-Bild oder SVG-Vektorzeichnung speichern (je nach Dateityp)</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <source>Analysing %1</source>
        <translation>%1 wird analysiert</translation>
    </message>
    <message>
        <source>Cannot analyse with this format: %1</source>
        <translation>Analyse mit diesem Format nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 as %2: SQNR %3 dB, relative error %4, RMSE %5, max |error| %6, cosine %7</source>
        <translation>%1 als %2: SQNR %3 dB, relativer Fehler %4, RMSE %5, max. |Fehler| %6, Kosinus %7</translation>
    </message>
    <message>
        <source>SQNR: 10·log10(Σw² / Σe²), higher is better. Relative error: ‖e‖ / ‖w‖. RMSE: root mean square of e = dequantized − original.</source>
        <translation>SQNR: 10·log10(Σw² / Σe²), höher ist besser. Relativer Fehler: ‖e‖ / ‖w‖. RMSE: quadratisches Mittel von e = dequantisiert − original.</translation>
    </message>
    <message>
        <source>Select a tensor to see its distribution and quantization error.</source>
        <translation>Wählen Sie einen Tensor, um seine Verteilung und seinen Quantisierungsfehler zu sehen.</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vorschau von %1</translation>
    </message>
    <message>
        <source>Statistics of %1</source>
        <translation>Statistik von %1</translation>
    </message>
    <message>
        <source>Cannot read this tensor: %1</source>
        <translation>Dieser Tensor kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Computing the round trip…</source>
        <translation>Hin- und Rückweg wird berechnet…</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Error histogram (dequantized − original)</source>
        <translation>Fehlerhistogramm (dequantisiert − original)</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>error (weight units)</source>
        <translation>Fehler (Gewichtseinheiten)</translation>
    </message>
    <message>
        <source>SQNR per row</source>
        <translation>SQNR je Zeile</translation>
    </message>
    <message>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <source>row (output channel)</source>
        <translation>Zeile (Ausgangskanal)</translation>
    </message>
</context>
<context>
    <name>qx::ui::TextFitText</name>
    <message>
        <source>%1 % of its tokens are unknown or byte-fallback tokens (the vocabulary does not cover it)</source>
        <translation>%1 % seiner Tokens sind unbekannte oder Byte-Fallback-Tokens (das Vokabular deckt ihn nicht ab)</translation>
    </message>
    <message>
        <source>the unquantized model&apos;s perplexity (%1) is %2 times its vocabulary size (%3): it predicts this text no better than guessing</source>
        <translation>die Perplexität des nicht quantisierten Modells (%1) ist das %2-Fache seiner Vokabulargröße (%3): es sagt diesen Text nicht besser voraus als Raten</translation>
    </message>
    <message>
        <source>This text does not fit this model: %1.</source>
        <translation>Dieser Text passt nicht zu diesem Modell: %1.</translation>
    </message>
    <message>
        <source>text does not fit</source>
        <translation>Text passt nicht</translation>
    </message>
</context>
<context>
    <name>qx::ui::TradeoffView</name>
    <message>
        <source>File size (MiB)</source>
        <translation>Dateigröße (MiB)</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>Bits pro Gewicht</translation>
    </message>
    <message>
        <source>Perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>Mean KLD</source>
        <translation>Mittlere KLD</translation>
    </message>
    <message>
        <source>What the plan costs</source>
        <translation>Was der Plan kostet</translation>
    </message>
    <message>
        <source>What the plan loses: perplexity on the text, or mean KL divergence from the F32 model</source>
        <translation>Was der Plan verliert: Perplexität auf dem Text oder mittlere KL-Divergenz vom F32-Modell</translation>
    </message>
    <message>
        <source>Export PNG/SVG…</source>
        <translation>PNG/SVG exportieren…</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)</source>
        <translation>Das Diagramm als PNG-Bild oder SVG-Vektorzeichnung speichern (je nach Dateityp)</translation>
    </message>
    <message>
        <source>x:</source>
        <translation>x:</translation>
    </message>
    <message>
        <source>y:</source>
        <translation>y:</translation>
    </message>
    <message>
        <source>Size against quality of every evaluated plan</source>
        <translation>Größe gegen Qualität jedes ausgewerteten Plans</translation>
    </message>
    <message>
        <source>No evaluations yet: use Evaluate or Evaluate presets</source>
        <translation>Noch keine Auswertungen: »Auswerten« oder »Voreinstellungen auswerten« verwenden</translation>
    </message>
    <message>
        <source>The numbers beside the points; click a row to load its plan</source>
        <translation>Die Nummern neben den Punkten; eine Zeile anklicken, um ihren Plan zu laden</translation>
    </message>
    <message>
        <source>Click a point or a row to load its plan.</source>
        <translation>Einen Punkt oder eine Zeile anklicken, um den Plan zu laden.</translation>
    </message>
    <message>
        <source>%1. %2
%3 file, %4 bits/weight
PPL %5 ± %6 (F32 %7)
mean KLD %8, same top token %9 %
Click to load this plan</source>
        <translation>%1. %2
%3 Datei, %4 Bit/Gewicht
PPL %5 ± %6 (F32 %7)
mittlere KLD %8, gleiches Top-Token %9 %
Klicken, um diesen Plan zu laden</translation>
    </message>
    <message>
        <source>llama.cpp preset</source>
        <translation>llama.cpp-Preset</translation>
    </message>
    <message>
        <source>other plan</source>
        <translation>anderer Plan</translation>
    </message>
    <message>
        <source>preset on the Pareto front</source>
        <translation>Preset auf der Pareto-Front</translation>
    </message>
    <message>
        <source>other plan on the Pareto front</source>
        <translation>anderer Plan auf der Pareto-Front</translation>
    </message>
    <message>
        <source>Pareto front: nothing is both smaller and better</source>
        <translation>Pareto-Front: nichts ist zugleich kleiner und besser</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>qx::ui::UniformSchemeEditor</name>
    <message>
        <source>Bits:</source>
        <translation>Bits:</translation>
    </message>
    <message>
        <source>Granularity:</source>
        <translation>Granularität:</translation>
    </message>
    <message>
        <source>Group size:</source>
        <translation>Gruppengröße:</translation>
    </message>
    <message>
        <source>Symmetry:</source>
        <translation>Symmetrie:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Skala:</translation>
    </message>
    <message>
        <source>Clipping:</source>
        <translation>Clipping:</translation>
    </message>
    <message>
        <source>Percentile:</source>
        <translation>Perzentil:</translation>
    </message>
    <message>
        <source> bits</source>
        <translation> Bits</translation>
    </message>
    <message>
        <source>Bits per code: 2^b levels</source>
        <translation>Bits pro Code: 2^b Stufen</translation>
    </message>
    <message>
        <source>Values that share one scale: the whole tensor, one row, or G consecutive values of a row</source>
        <translation>Werte, die sich eine Skala teilen: der ganze Tensor, eine Zeile oder G aufeinanderfolgende Werte einer Zeile</translation>
    </message>
    <message>
        <source>per tensor</source>
        <translation>pro Tensor</translation>
    </message>
    <message>
        <source>per channel (row)</source>
        <translation>pro Kanal (Zeile)</translation>
    </message>
    <message>
        <source>per group</source>
        <translation>pro Gruppe</translation>
    </message>
    <message>
        <source>Values per group (per group only); the row length must be a multiple of it</source>
        <translation>Werte pro Gruppe (nur bei „pro Gruppe“); die Zeilenlänge muss ein Vielfaches davon sein</translation>
    </message>
    <message>
        <source>Symmetric: codes ±(2^(b-1)-1) (restricted) or -2^(b-1)…2^(b-1)-1 (full range) around zero; asymmetric: codes 0…2^b-1 with a zero point per group</source>
        <translation>Symmetrisch: Codes ±(2^(b-1)-1) (eingeschränkt) oder -2^(b-1)…2^(b-1)-1 (voller Bereich) um null; asymmetrisch: Codes 0…2^b-1 mit einem Nullpunkt pro Gruppe</translation>
    </message>
    <message>
        <source>sym. restricted</source>
        <translation>sym. eingeschränkt</translation>
    </message>
    <message>
        <source>sym. full range</source>
        <translation>sym. voller Bereich</translation>
    </message>
    <message>
        <source>asymmetric</source>
        <translation>asymmetrisch</translation>
    </message>
    <message>
        <source>How each group&apos;s step is stored: F32 (4 bytes) or F16 (2 bytes, rounded)</source>
        <translation>Wie die Schrittweite jeder Gruppe gespeichert wird: F32 (4 Bytes) oder F16 (2 Bytes, gerundet)</translation>
    </message>
    <message>
        <source>F32</source>
        <translation>F32</translation>
    </message>
    <message>
        <source>F16</source>
        <translation>F16</translation>
    </message>
    <message>
        <source>How each group&apos;s range is chosen: its absolute maximum, a percentile of |w|, the ratio with the least squared error, or TensorRT&apos;s KL-divergence threshold</source>
        <translation>Wie der Bereich jeder Gruppe gewählt wird: ihr Betragsmaximum, ein Perzentil von |w|, der Anteil mit dem kleinsten quadratischen Fehler oder die KL-Divergenz-Schwelle von TensorRT</translation>
    </message>
    <message>
        <source>absmax</source>
        <translation>absmax</translation>
    </message>
    <message>
        <source>percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <source>MSE search</source>
        <translation>MSE-Suche</translation>
    </message>
    <message>
        <source>KL divergence</source>
        <translation>KL-Divergenz</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Percentile of |w| (symmetric) or of w at both ends (asymmetric) kept unclipped</source>
        <translation>Perzentil von |w| (symmetrisch) oder von w an beiden Enden (asymmetrisch), das nicht abgeschnitten wird</translation>
    </message>
</context>
<context>
    <name>qx::ui::ValuesModel</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Quantized to %1 and dequantized again</source>
        <translation>Zu %1 quantisiert und wieder dequantisiert</translation>
    </message>
    <message>
        <source>Quantized</source>
        <translation>Quantisiert</translation>
    </message>
</context>
<context>
    <name>qx::ui::ValuesView</name>
    <message>
        <source>Tensor row (output channel) the window starts in</source>
        <translation>Tensorzeile (Ausgangskanal), in der das Fenster beginnt</translation>
    </message>
    <message>
        <source>Position within the row (input channel) of the first value</source>
        <translation>Position des ersten Werts in der Zeile (Eingangskanal)</translation>
    </message>
    <message>
        <source>Number of values listed (the window may run on into the next rows)</source>
        <translation>Anzahl der aufgeführten Werte (das Fenster kann in die nächsten Zeilen reichen)</translation>
    </message>
    <message>
        <source>Difference = quantized − original; right click to export as CSV</source>
        <translation>Differenz = quantisiert − original; Rechtsklick exportiert als CSV</translation>
    </message>
    <message>
        <source>Only the rows on screen are decoded and quantized.</source>
        <translation>Nur die sichtbaren Zeilen werden dekodiert und quantisiert.</translation>
    </message>
    <message>
        <source>Row:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>Offset:</source>
        <translation>Versatz:</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Anzahl:</translation>
    </message>
</context>
<context>
    <name>qx::ui::ZoomChartView</name>
    <message>
        <source>Drag to zoom in, wheel to zoom, middle button or Shift+drag to pan, right click to zoom out</source>
        <translation>Ziehen vergrößert, Mausrad zoomt, mittlere Taste oder Umschalt+Ziehen verschiebt, Rechtsklick verkleinert</translation>
    </message>
</context>
</TS>
