namespace ParServerless.Documents;

/// <summary>What a rendered document is for: it decides the marks printed on every page.</summary>
public enum DocumentStage
{
    /// <summary>Reserved: never a valid stage.</summary>
    Invalid = 0,

    /// <summary>Dự thảo: every page carries a boxed "DỰ THẢO" and missing fields are highlighted. Every unpublished document is one.</summary>
    Draft = 1,

    /// <summary>The clean text the chairman signs. Refused (a caller's bug) while any field is missing.</summary>
    Final = 2,

    /// <summary>
    /// The published, generated document beside the signed original: the final text, labelled on every page as the
    /// machine-readable twin (bản máy đọc được), since only the signed original has legal force.
    /// </summary>
    MachineReadableTwin = 3,
}
