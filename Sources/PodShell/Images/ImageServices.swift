import KubeAPI

/// What images answer and print: web pages, HTTP responses, and package-manager chatter.
enum ImageServices {
    static let nginxIndex = """
        <!DOCTYPE html>
        <html>
        <head>
        <title>Welcome to nginx!</title>
        <style>
        html { color-scheme: light dark; }
        body { width: 35em; margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif; }
        </style>
        </head>
        <body>
        <h1>Welcome to nginx!</h1>
        <p>If you see this page, the nginx web server is successfully installed and
        working. Further configuration is required.</p>

        <p>For online documentation and support please refer to
        <a href="http://nginx.org/">nginx.org</a>.<br/>
        Commercial support is available at
        <a href="http://nginx.com/">nginx.com</a>.</p>

        <p><em>Thank you for using nginx.</em></p>
        </body>
        </html>

        """

    /// `apt-get update` as a Debian container prints it (timings fixed, sizes plausible).
    static let aptUpdate = """
        Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]
        Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]
        Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]
        Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]
        Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]
        Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [243 kB]
        Fetched 9303 kB in 2s (4652 kB/s)
        Reading package lists... Done

        """

    /// `apt-get update` in an Ubuntu 24.04 (noble) container: Ubuntu's archive and security mirrors.
    static let aptUpdateUbuntu = """
        Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]
        Get:2 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]
        Get:3 http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]
        Get:4 http://archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]
        Get:5 http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]
        Get:6 http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]
        Get:7 http://security.ubuntu.com/ubuntu noble-security/main amd64 Packages [507 kB]
        Fetched 22.2 MB in 3s (7118 kB/s)
        Reading package lists... Done

        """

    /// The `apt-get update` of the image's distribution (its os-release name).
    static func aptUpdate(osName: String) -> String {
        osName.hasPrefix("Ubuntu") ? aptUpdateUbuntu : aptUpdate
    }

    /// Packages `apt-get install` knows, and the programs each adds.
    static let aptPackages: [String: [String]] = [
        "dnsutils": ["nslookup", "dig", "host"], "bind9-dnsutils": ["nslookup", "dig", "host"],
        "bind9-host": ["host"], "curl": ["curl"], "wget": ["wget"], "iputils-ping": ["ping"],
        "default-mysql-client": ["mysql"], "mariadb-client": ["mysql"], "postgresql-client": ["psql", "pg_dump"],
        "vim": [], "nano": [], "procps": [], "net-tools": [], "less": [],
    ]

    /// The first digits of pi, for `dotnet Pi.Web.dll -m console -dp N` (kiamol/ch05-pi).
    static func piDigits(_ places: Int) -> String {
        let n = max(0, min(places, 5_000))
        // Rabinowitz–Wagon spigot.
        let len = n * 10 / 3 + 2
        var a = Array(repeating: 2, count: len)
        var out = ""
        var nines = 0, predigit = 0
        for _ in 0...n {
            var q = 0
            for i in stride(from: len - 1, through: 0, by: -1) {
                let x = 10 * a[i] + q * (i + 1)
                a[i] = x % (2 * i + 1)
                q = x / (2 * i + 1)
            }
            a[0] = q % 10
            q /= 10
            if q == 9 {
                nines += 1
            } else if q == 10 {
                out += String(predigit + 1) + String(repeating: "0", count: nines)
                predigit = 0; nines = 0
            } else {
                out += String(predigit)
                predigit = q
                if nines > 0 { out += String(repeating: "9", count: nines); nines = 0 }
            }
        }
        out += String(predigit)
        // `out` starts with a leading 0 from the first predigit.
        let digits = out.dropFirst()
        return n == 0 ? "3" : "3." + digits.dropFirst().prefix(n)
    }
}
