import KubeSim

/// Docker Hub's official images (`docker.io/library/NAME`): a one-word image name the library has
/// not got does not exist, and a tag is one of the shapes its tags take. So `ngnix` and
/// `nginx:lates` fail to pull as on a real node, while images of other accounts, which kubelab
/// cannot know, run as generic containers.
enum DockerHubLibrary {
    static let prefix = "docker.io/library/"

    /// The library's images (those tutorials and courses use, and the rest of the common set).
    static let images: Set<String> = [
        "adminer", "aerospike", "almalinux", "alpine", "amazoncorretto", "amazonlinux", "arangodb", "archlinux",
        "bash", "bonita", "buildpack-deps", "busybox", "caddy", "cassandra", "chronograf", "cirros", "clearlinux",
        "clojure", "composer", "consul", "couchbase", "couchdb", "crate", "debian", "docker", "drupal", "eclipse-mosquitto",
        "eclipse-temurin", "elasticsearch", "elixir", "emqx", "erlang", "fedora", "flink", "fluentd", "gcc", "ghost",
        "golang", "gradle", "groovy", "haproxy", "haskell", "hello-world", "httpd", "ibmjava", "influxdb", "irssi",
        "jenkins", "jetty", "joomla", "julia", "kapacitor", "kibana", "kong", "liquibase", "logstash", "mariadb",
        "matomo", "maven", "mediawiki", "memcached", "mongo", "mongo-express", "mono", "mysql", "nats", "neo4j",
        "nextcloud", "nginx", "node", "odoo", "open-liberty", "openjdk", "oraclelinux", "orientdb", "percona", "perl",
        "photon", "php", "phpmyadmin", "plone", "postgres", "pypy", "python", "r-base", "rabbitmq", "redis",
        "redmine", "registry", "rethinkdb", "rockylinux", "ros", "ruby", "rust", "sapmachine", "solr", "sonarqube",
        "spark", "storm", "swift", "telegraf", "tomcat", "tomee", "traefik", "ubuntu", "unit", "varnish", "vault",
        "wordpress", "xwiki", "yourls", "znc", "zookeeper",
    ]

    /// Words the library's tags are made of, between `-`; a version number (`1.27`, `3.12.4`) or
    /// a word followed by one (`alpine3.21`, `php8.2`, `ubi9`) counts as well.
    static let tagWords: Set<String> = [
        "latest", "stable", "mainline", "lts", "edge", "rolling", "devel", "unstable", "alpine", "slim", "bookworm",
        "bullseye", "buster", "stretch", "jessie", "trixie", "sid", "noble", "jammy", "focal", "bionic", "xenial",
        "oracle", "oraclelinux", "debian", "ubuntu", "glibc", "musl", "uclibc", "perl", "otel", "jdk", "jre", "eclipse",
        "temurin", "corretto", "fpm", "apache", "cli", "zts", "php", "management", "community", "enterprise", "ubi",
        "windowsservercore", "nanoserver", "ltsc", "minimal", "full", "dind", "rootless", "git", "nodejs", "python",
        "openjdk", "amazoncorretto", "graalvm", "sapmachine", "ibm", "semeru", "nightly", "beta", "rc", "alpha",
    ]

    /// Why the library lacks `reference`'s image; nil when it has it, or when the reference is
    /// not the library's (another registry or account).
    static func missing(_ reference: String) -> ImagePullFailure? {
        let repository = ImageReference.repository(reference)
        guard repository.hasPrefix(prefix) else { return nil }
        guard images.contains(String(repository.dropFirst(prefix.count))) else { return .accessDenied }
        guard let tag = ImageReference.tag(reference) else { return nil }  // by digest
        return isLibraryTag(tag) ? nil : .notFound
    }

    static func isLibraryTag(_ tag: String) -> Bool {
        tag.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first else { return false }
            if first.isNumber { return part.allSatisfy { $0.isNumber || $0 == "." || $0.isLetter } }
            let word = part.prefix { $0.isLetter }
            let rest = part.dropFirst(word.count)
            return tagWords.contains(String(word)) && rest.allSatisfy { $0.isNumber || $0 == "." }
        }
    }
}
