/// Manifests behind URLs the official tutorials apply (`kubectl apply -f https://k8s.io/examples/...`).
/// kubelab opens no sockets, so the few URLs learners meet are served from here.
public enum WellKnownManifests {
    public static let byURL: [String: String] = [
        "https://k8s.io/examples/application/web/web.yaml": web(parallel: false),
        "https://k8s.io/examples/application/web/web-parallel.yaml": web(parallel: true),
        "https://kubernetes.io/examples/application/web/web.yaml": web(parallel: false),
        "https://kubernetes.io/examples/application/web/web-parallel.yaml": web(parallel: true),
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
}
