/// Manifests behind URLs the official tutorials apply (`kubectl apply -f https://k8s.io/examples/...`).
/// kubelab opens no sockets, so the few URLs learners meet are served from here.
public enum WellKnownManifests {
    public static let byURL: [String: String] = [
        "https://k8s.io/examples/application/web/web.yaml": web(parallel: false),
        "https://k8s.io/examples/application/web/web-parallel.yaml": web(parallel: true),
        "https://kubernetes.io/examples/application/web/web.yaml": web(parallel: false),
        "https://kubernetes.io/examples/application/web/web-parallel.yaml": web(parallel: true),
        // "Run a Replicated Stateful Application" (tasks/run-application/run-replicated-stateful-application).
        "https://k8s.io/examples/application/mysql/mysql-configmap.yaml": mysqlConfigMap,
        "https://k8s.io/examples/application/mysql/mysql-services.yaml": mysqlServices,
        "https://k8s.io/examples/application/mysql/mysql-statefulset.yaml": mysqlStatefulSet,
        "https://kubernetes.io/examples/application/mysql/mysql-configmap.yaml": mysqlConfigMap,
        "https://kubernetes.io/examples/application/mysql/mysql-services.yaml": mysqlServices,
        "https://kubernetes.io/examples/application/mysql/mysql-statefulset.yaml": mysqlStatefulSet,
        // The Jobs concept page and the CronJob task page (kubernetes/website content/en/examples).
        "https://kubernetes.io/examples/controllers/job.yaml": piJob,
        "https://k8s.io/examples/controllers/job.yaml": piJob,
        "https://k8s.io/examples/application/job/cronjob.yaml": helloCronJob,
        "https://kubernetes.io/examples/application/job/cronjob.yaml": helloCronJob,
    ]

    static let piJob = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pi
        spec:
          template:
            spec:
              containers:
              - name: pi
                image: perl:5.34.0
                command: ["perl",  "-Mbignum=bpi", "-wle", "print bpi(2000)"]
              restartPolicy: Never
          backoffLimit: 4

        """

    static let helloCronJob = """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: hello
        spec:
          schedule: "* * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: hello
                    image: busybox:1.28
                    imagePullPolicy: IfNotPresent
                    command:
                    - /bin/sh
                    - -c
                    - date; echo Hello from the Kubernetes cluster
                  restartPolicy: OnFailure

        """

    static func web(parallel: Bool) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          ports:
          - port: 80
            name: web
          clusterIP: None
          selector:
            app: nginx
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: "nginx"
        \(parallel ? "  podManagementPolicy: \"Parallel\"\n" : "")  replicas: 2
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.21
                ports:
                - containerPort: 80
                  name: web
                volumeMounts:
                - name: www
                  mountPath: /usr/share/nginx/html
          volumeClaimTemplates:
          - metadata:
              name: www
            spec:
              accessModes: [ "ReadWriteOnce" ]
              resources:
                requests:
                  storage: 1Gi

        """
    }

    // MARK: Replicated MySQL (content/en/examples/application/mysql/ on kubernetes/website)

    static let mysqlConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: mysql
          labels:
            app: mysql
            app.kubernetes.io/name: mysql
        data:
          primary.cnf: |
            # Apply this config only on the primary.
            [mysqld]
            log-bin
          replica.cnf: |
            # Apply this config only on replicas.
            [mysqld]
            super-read-only

        """

    static let mysqlServices = """
        # Headless service for stable DNS entries of StatefulSet members.
        apiVersion: v1
        kind: Service
        metadata:
          name: mysql
          labels:
            app: mysql
            app.kubernetes.io/name: mysql
        spec:
          ports:
          - name: mysql
            port: 3306
          clusterIP: None
          selector:
            app: mysql
        ---
        # Client service for connecting to any MySQL instance for reads.
        # For writes, you must instead connect to the primary: mysql-0.mysql.
        apiVersion: v1
        kind: Service
        metadata:
          name: mysql-read
          labels:
            app: mysql
            app.kubernetes.io/name: mysql
            readonly: "true"
        spec:
          ports:
          - name: mysql
            port: 3306
          selector:
            app: mysql

        """

    static let mysqlStatefulSet = #"""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: mysql
        spec:
          selector:
            matchLabels:
              app: mysql
              app.kubernetes.io/name: mysql
          serviceName: mysql
          replicas: 3
          template:
            metadata:
              labels:
                app: mysql
                app.kubernetes.io/name: mysql
            spec:
              initContainers:
              - name: init-mysql
                image: mysql:5.7
                command:
                - bash
                - "-c"
                - |
                  set -ex
                  # Generate mysql server-id from pod ordinal index.
                  [[ $HOSTNAME =~ -([0-9]+)$ ]] || exit 1
                  ordinal=${BASH_REMATCH[1]}
                  echo [mysqld] > /mnt/conf.d/server-id.cnf
                  # Add an offset to avoid reserved server-id=0 value.
                  echo server-id=$((100 + $ordinal)) >> /mnt/conf.d/server-id.cnf
                  # Copy appropriate conf.d files from config-map to emptyDir.
                  if [[ $ordinal -eq 0 ]]; then
                    cp /mnt/config-map/primary.cnf /mnt/conf.d/
                  else
                    cp /mnt/config-map/replica.cnf /mnt/conf.d/
                  fi
                volumeMounts:
                - name: conf
                  mountPath: /mnt/conf.d
                - name: config-map
                  mountPath: /mnt/config-map
              - name: clone-mysql
                image: gcr.io/google-samples/xtrabackup:1.0
                command:
                - bash
                - "-c"
                - |
                  set -ex
                  # Skip the clone if data already exists.
                  [[ -d /var/lib/mysql/mysql ]] && exit 0
                  # Skip the clone on primary (ordinal index 0).
                  [[ `hostname` =~ -([0-9]+)$ ]] || exit 1
                  ordinal=${BASH_REMATCH[1]}
                  [[ $ordinal -eq 0 ]] && exit 0
                  # Clone data from previous peer.
                  ncat --recv-only mysql-$(($ordinal-1)).mysql 3307 | xbstream -x -C /var/lib/mysql
                  # Prepare the backup.
                  xtrabackup --prepare --target-dir=/var/lib/mysql
                volumeMounts:
                - name: data
                  mountPath: /var/lib/mysql
                  subPath: mysql
                - name: conf
                  mountPath: /etc/mysql/conf.d
              containers:
              - name: mysql
                image: mysql:5.7
                env:
                - name: MYSQL_ALLOW_EMPTY_PASSWORD
                  value: "1"
                ports:
                - name: mysql
                  containerPort: 3306
                volumeMounts:
                - name: data
                  mountPath: /var/lib/mysql
                  subPath: mysql
                - name: conf
                  mountPath: /etc/mysql/conf.d
                resources:
                  requests:
                    cpu: 500m
                    memory: 1Gi
                livenessProbe:
                  exec:
                    command: ["mysqladmin", "ping"]
                  initialDelaySeconds: 30
                  periodSeconds: 10
                  timeoutSeconds: 5
                readinessProbe:
                  exec:
                    # Check we can execute queries over TCP (skip-networking is off).
                    command: ["mysql", "-h", "127.0.0.1", "-e", "SELECT 1"]
                  initialDelaySeconds: 5
                  periodSeconds: 2
                  timeoutSeconds: 1
              - name: xtrabackup
                image: gcr.io/google-samples/xtrabackup:1.0
                ports:
                - name: xtrabackup
                  containerPort: 3307
                command:
                - bash
                - "-c"
                - |
                  set -ex
                  cd /var/lib/mysql

                  # Determine binlog position of cloned data, if any.
                  if [[ -f xtrabackup_slave_info && "x$(<xtrabackup_slave_info)" != "x" ]]; then
                    # XtraBackup already generated a partial "CHANGE MASTER TO" query
                    # because we're cloning from an existing replica. (Need to remove the tailing semicolon!)
                    cat xtrabackup_slave_info | sed -E 's/;$//g' > change_master_to.sql.in
                    # Ignore xtrabackup_binlog_info in this case (it's useless).
                    rm -f xtrabackup_slave_info xtrabackup_binlog_info
                  elif [[ -f xtrabackup_binlog_info ]]; then
                    # We're cloning directly from primary. Parse binlog position.
                    [[ `cat xtrabackup_binlog_info` =~ ^(.*?)[[:space:]]+(.*?)$ ]] || exit 1
                    rm -f xtrabackup_binlog_info xtrabackup_slave_info
                    echo "CHANGE MASTER TO MASTER_LOG_FILE='${BASH_REMATCH[1]}',\
                          MASTER_LOG_POS=${BASH_REMATCH[2]}" > change_master_to.sql.in
                  fi

                  # Check if we need to complete a clone by starting replication.
                  if [[ -f change_master_to.sql.in ]]; then
                    echo "Waiting for mysqld to be ready (accepting connections)"
                    until mysql -h 127.0.0.1 -e "SELECT 1"; do sleep 1; done

                    echo "Initializing replication from clone position"
                    mysql -h 127.0.0.1 \
                          -e "$(<change_master_to.sql.in), \
                                  MASTER_HOST='mysql-0.mysql', \
                                  MASTER_USER='root', \
                                  MASTER_PASSWORD='', \
                                  MASTER_CONNECT_RETRY=10; \
                                START SLAVE;" || exit 1
                    # In case of container restart, attempt this at-most-once.
                    mv change_master_to.sql.in change_master_to.sql.orig
                  fi

                  # Start a server to send backups when requested by peers.
                  exec ncat --listen --keep-open --send-only --max-conns=1 3307 -c \
                    "xtrabackup --backup --slave-info --stream=xbstream --host=127.0.0.1 --user=root"
                volumeMounts:
                - name: data
                  mountPath: /var/lib/mysql
                  subPath: mysql
                - name: conf
                  mountPath: /etc/mysql/conf.d
                resources:
                  requests:
                    cpu: 100m
                    memory: 100Mi
              volumes:
              - name: conf
                emptyDir: {}
              - name: config-map
                configMap:
                  name: mysql
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: ["ReadWriteOnce"]
              resources:
                requests:
                  storage: 10Gi

        """#
}
