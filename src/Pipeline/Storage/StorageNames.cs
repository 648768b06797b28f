namespace ParServerless.Pipeline.Storage;

/// <summary>
/// Every container, table and queue the app uses, and the app settings it reads: the one place the code and
/// <c>infra/</c> agree on (a test checks the Bicep against this file).
/// </summary>
public static class StorageNames
{
    /// <summary>
    /// Upload containers, each watched by one blob-triggered function: the workflow steps' containers
    /// (<see cref="ParServerless.Files.Workflow.WorkflowSteps.Containers"/>, where each step's path shape is too).
    /// </summary>
    public static class Uploads
    {
        public static IReadOnlyList<string> All => ParServerless.Files.Workflow.WorkflowSteps.Containers.All;
    }

    /// <summary>Containers the app writes and never exposes directly.</summary>
    public static class AppContainers
    {
        /// <summary>Every version of every uploaded file, immutable, keyed by content SHA-256.</summary>
        public const string Originals = "originals";
        /// <summary>Ingestion reports (JSON), one per distinct upload.</summary>
        public const string Reports = "reports";
        /// <summary>Scheme documents (JSON), one blob per scheme id and version.</summary>
        public const string Schemes = "schemes";
        /// <summary>Decision documents, result sheets and their JSON twins, named by input hash.</summary>
        public const string Decisions = "decisions";

        public static IReadOnlyList<string> All { get; } = [Originals, Reports, Schemes, Decisions];
    }

    /// <summary>Tables. Keys are documented on each store type.</summary>
    public static class Tables
    {
        /// <summary>Scheme registry: id, version, hash.</summary>
        public const string Schemes = "Schemes";
        /// <summary>Evaluated years (kỳ đánh giá): scheme, deadlines, publication date, status, Decision settings.</summary>
        public const string Years = "Years";
        /// <summary>Evaluated units of a year (đơn vị được đánh giá) with group and predecessors.</summary>
        public const string Units = "Units";
        /// <summary>One row per distinct upload: status, report, audit trail.</summary>
        public const string Uploads = "Uploads";
        /// <summary>Raw marks, the source of truth.</summary>
        public const string Marks = "Marks";
        /// <summary>Derived results: draft and published.</summary>
        public const string Results = "Results";

        public static IReadOnlyList<string> All { get; } = [Schemes, Years, Units, Uploads, Marks, Results];
    }

    /// <summary>Queues the app writes with Azure.Storage.Queues and reads through a queue trigger.</summary>
    public static class Queues
    {
        /// <summary>
        /// Publication jobs (công bố chạy nền): one message per job, read by the <c>RunPublication</c> queue trigger. After
        /// <c>maxDequeueCount</c> (5) failed attempts the host moves the message to <c>par-publications-poison</c>.
        /// </summary>
        public const string Publications = "par-publications";
        /// <summary>Where the host puts a publication message that failed every attempt.</summary>
        public const string PublicationsPoison = Publications + "-poison";
    }

    /// <summary>Names owned by the Functions host, listed so that infra creates them and nothing else collides.</summary>
    public static class Host
    {
        /// <summary>Receipts, timer status and leases.</summary>
        public const string HostContainer = "azure-webjobs-hosts";
        /// <summary>Where the host puts a blob message after <c>poisonBlobThreshold</c> failures.</summary>
        public const string PoisonQueue = "webjobs-blobtrigger-poison";
        /// <summary>Event Grid dead-letter container for undeliverable blob events.</summary>
        public const string EventGridDeadLetter = "eventgrid-deadletter";
    }

    /// <summary>App settings the handler reads.</summary>
    public static class Settings
    {
        /// <summary>Storage: a connection string, or <c>AzureWebJobsStorage__accountName</c> / <c>__blobServiceUri</c> etc. with a managed identity.</summary>
        public const string Storage = "AzureWebJobsStorage";
        /// <summary>Six-field NCRONTAB in UTC for GenerateDecision, e.g. <c>0 0 2 15 1 *</c> (09:00 on 15 January in Vietnam).</summary>
        public const string DecisionSchedule = "DECISION_SCHEDULE";
        /// <summary>The Sở Nội vụ admin key; admin routes are refused without it.</summary>
        public const string AdminKey = "PAR_ADMIN_KEY";
        /// <summary>Secret from which each unit's upload key is derived (HMAC-SHA256).</summary>
        public const string AgencyKeySecret = "PAR_AGENCY_KEY_SECRET";
        /// <summary>
        /// <c>true</c> where something else has created every container, table and queue before the app runs (infra/main.bicep
        /// does): <see cref="StorageSetup"/> then makes no create calls, which saves a new instance 16 round trips before its
        /// first storage-backed answer. Unset or anything else: the app creates what is missing (DevHost, tests, a fresh Azurite).
        /// </summary>
        public const string StorageProvisioned = "PAR_STORAGE_PROVISIONED";
        /// <summary>
        /// Optional: the pages' public address, e.g. <c>https://chisocchc.hue.gov.vn</c>, which link previews name
        /// (<see cref="Pages.PublicOrigin"/>); unset, the request's own scheme and host.
        /// </summary>
        public const string PublicOrigin = "PAR_PUBLIC_ORIGIN";

        public static IReadOnlyList<string> Required { get; } = [DecisionSchedule, AdminKey, AgencyKeySecret];
    }
}
