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
        <source>A model file or folder to open.</source>
        <translation>Eine Modelldatei oder ein Modellordner zum Öffnen.</translation>
    </message>
    <message>
        <source>Quantization Explorer</source>
        <translation>Quantization Explorer</translation>
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
        <source>About Quantization Explorer</source>
        <translation>Über Quantization Explorer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Look inside language model files (GGUF, safetensors, llama2.c) and decide how to quantize them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Quantization Explorer %1&lt;/h3&gt;&lt;p&gt;Sprachmodell-Dateien (GGUF, safetensors, llama2.c) untersuchen und entscheiden, wie sie quantisiert werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Quantization Explorer</source>
        <translation>%1 — Quantization Explorer</translation>
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
</context>
<context>
    <name>qx::ui::JobRunner</name>
    <message>
        <source>unknown exception</source>
        <translation>unbekannte Ausnahme</translation>
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
        <source>Quantize and dequantize every layer tensor with the candidate format</source>
        <translation>Jeden Schicht-Tensor mit dem Kandidatenformat quantisieren und dequantisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Candidate format:</source>
        <translation>Kandidatenformat:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Maß:</translation>
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
</context>
<context>
    <name>qx::ui::ModelLoader</name>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
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
        <source>Threads used by the computations; automatic uses every core</source>
        <translation>Threads für die Berechnungen; automatisch nutzt alle Kerne</translation>
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
        <source>Changes take effect the next time Quantization Explorer starts.</source>
        <translation>Änderungen werden beim nächsten Start von Quantization Explorer wirksam.</translation>
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
        <source>Stored type</source>
        <translation>Gespeicherter Typ</translation>
    </message>
    <message>
        <source>Element type in the file</source>
        <translation>Elementtyp in der Datei</translation>
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
</context>
<context>
    <name>qx::ui::TensorViews</name>
    <message>
        <source>Candidate format: the tensor is quantized to it and dequantized again</source>
        <translation>Kandidatenformat: Der Tensor wird darin quantisiert und wieder dequantisiert</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Logarithmic count axis (shows the sparse tails)</source>
        <translation>Logarithmische Häufigkeitsachse (zeigt die dünnen Ränder)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren …</translation>
    </message>
    <message>
        <source>Save the chart as a PNG picture (SVG needs Qt SVG, not installed)</source>
        <translation>Das Diagramm als PNG-Bild speichern (SVG braucht Qt SVG, nicht installiert)</translation>
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
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
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
        <source>Weight distribution of %1</source>
        <translation>Gewichtsverteilung von %1</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>after %1 round trip</source>
        <translation>nach %1-Hin- und Rückweg</translation>
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
</TS>
