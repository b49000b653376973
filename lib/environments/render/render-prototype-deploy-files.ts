import type { PrototypeConventions } from "../profile/profile";
import { escapeYaml, yamlScalar } from "./escape-yaml";
import type { RepoFile } from "./render-namespace-files";

/** The prototype site's web address (https), from the profile's host pattern. */
export function prototypeSiteUrl(conventions: PrototypeConventions, repository: string, clusterDomain: string): string {
  return `https://${prototypeHost(conventions, repository, clusterDomain)}/`;
}

function prototypeHost(conventions: PrototypeConventions, repository: string, clusterDomain: string): string {
  return conventions.host.replaceAll("{repository}", repository).replaceAll("{branch}", conventions.branch).replaceAll("{clusterDomain}", clusterDomain);
}

/**
 * The files the platform's `cloud-platform prototype deploy create` writes
 * into a prototype's own repository, for the profile's branch: a Dockerfile,
 * .dockerignore and start script that build the Prototype Kit site, a GitHub
 * Actions workflow `.github/workflows/cd-<branch>.yaml` that builds the image,
 * pushes it to the namespace's ECR repository (GitHub OIDC: the role the
 * ecr-credentials module trusts for this repository) and deploys with the
 * namespace's service account (the KUBE_* secrets the serviceaccount module
 * writes into the repository), and the Kubernetes template
 * `kubernetes-deploy-<branch>.tpl` the workflow fills with envsubst: a
 * Deployment whose container gets the basic-auth Secret's username and
 * password (the Prototype Kit asks visitors for them), a Service and an
 * Ingress for the site's host.
 *
 * Sorted by path; `repository` is a checked repository name (it names the
 * namespace), and every value written into YAML goes through escapeYaml.
 */
export function renderPrototypeDeployFiles(repository: string, clusterDomain: string, conventions: PrototypeConventions): RepoFile[] {
  const branch = conventions.branch;
  const host = prototypeHost(conventions, repository, clusterDomain);
  const template = `kubernetes-deploy-${branch}.tpl`;
  const files: RepoFile[] = [
    { path: "Dockerfile", content: dockerfile(conventions.nodeImage) },
    { path: ".dockerignore", content: "node_modules\n.git\n.github\n.env\n*.log\n" },
    { path: "start.sh", content: "#!/bin/sh\n\nset -eu\n\nnpm run serve\n" },
    { path: `.github/workflows/cd-${branch}.yaml`, content: workflow(branch, template) },
    { path: template, content: kubernetesTemplate(host, conventions.ingressClass) },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function dockerfile(image: string): string {
  // Note: the image's name is a profile value; a line break in it would add an instruction.
  if (!/^[A-Za-z0-9._/:@-]+$/.test(image)) throw new Error(`the profile's prototype nodeImage is not an image reference: ${image}`);
  return `FROM ${image}

ENV NODE_ENV=production

RUN addgroup -g 1017 -S appgroup \\
  && adduser -u 1017 -S appuser -G appgroup

WORKDIR /app

COPY package*.json ./

RUN npm install

COPY . .

RUN chmod +x start.sh && chown -R appuser:appgroup /app

USER 1017

CMD ["./start.sh"]
`;
}

function workflow(branch: string, template: string): string {
  return `name: Continuous Deployment

# Builds the prototype's image, pushes it to the namespace's ECR repository and
# deploys it to the namespace. The secrets and variables it reads are written
# into this repository by the namespace's ecr-credentials module (GitHub OIDC)
# and serviceaccount module.

on:
  workflow_dispatch:
  push:
    branches:
      - ${escapeYaml(branch)}

permissions:
  id-token: write # GitHub OIDC: assume the role the ECR repository trusts
  contents: read

jobs:
  main:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ secrets.ECR_ROLE_TO_ASSUME }}
          aws-region: \${{ vars.ECR_REGION }}
      - uses: aws-actions/amazon-ecr-login@v2
        id: login-ecr
      - run: |
          docker build -t $REGISTRY/$REPOSITORY:$IMAGE_TAG .
          docker push $REGISTRY/$REPOSITORY:$IMAGE_TAG
        env:
          REGISTRY: \${{ steps.login-ecr.outputs.registry }}
          REPOSITORY: \${{ vars.ECR_REPOSITORY }}
          IMAGE_TAG: \${{ github.sha }}
      - name: Fill in the image and the branch
        run: cat ${template} | envsubst > kubernetes-deploy.yaml
        env:
          BRANCH: ${escapeYaml(branch)}
          IMAGE_TAG: \${{ github.sha }}
          REGISTRY: \${{ steps.login-ecr.outputs.registry }}
          REPOSITORY: \${{ vars.ECR_REPOSITORY }}
          KUBE_NAMESPACE: \${{ secrets.KUBE_NAMESPACE }}
      - name: Authenticate to the cluster
        run: |
          echo "\${KUBE_CERT}" > ca.crt
          kubectl config set-cluster \${KUBE_CLUSTER} --certificate-authority=./ca.crt --server=https://\${KUBE_CLUSTER}
          kubectl config set-credentials deploy-user --token=\${KUBE_TOKEN}
          kubectl config set-context \${KUBE_CLUSTER} --cluster=\${KUBE_CLUSTER} --user=deploy-user --namespace=\${KUBE_NAMESPACE}
          kubectl config use-context \${KUBE_CLUSTER}
        env:
          KUBE_NAMESPACE: \${{ secrets.KUBE_NAMESPACE }}
          KUBE_CLUSTER: \${{ secrets.KUBE_CLUSTER }}
          KUBE_CERT: \${{ secrets.KUBE_CERT }}
          KUBE_TOKEN: \${{ secrets.KUBE_TOKEN }}
      - name: Apply the manifest
        run: kubectl -n \${KUBE_NAMESPACE} apply -f kubernetes-deploy.yaml
        env:
          KUBE_NAMESPACE: \${{ secrets.KUBE_NAMESPACE }}
`;
}

function kubernetesTemplate(host: string, ingressClass: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: moj-prototype-\${BRANCH}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: prototype-\${BRANCH}
  template:
    metadata:
      labels:
        app: prototype-\${BRANCH}
    spec:
      containers:
        - name: prototype
          image: \${REGISTRY}/\${REPOSITORY}:\${IMAGE_TAG}
          env:
            # The Prototype Kit asks visitors for these: the namespace's basic-auth Secret
            - name: USERNAME
              valueFrom:
                secretKeyRef:
                  name: basic-auth
                  key: username
            - name: PASSWORD
              valueFrom:
                secretKeyRef:
                  name: basic-auth
                  key: password
          ports:
            - containerPort: 3000
          # The namespace enforces the restricted pod security standard
          securityContext:
            runAsNonRoot: true
            runAsUser: 1017
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
            seccompProfile:
              type: RuntimeDefault
---
apiVersion: v1
kind: Service
metadata:
  name: prototype-service-\${BRANCH}
  labels:
    app: prototype-service-\${BRANCH}
spec:
  ports:
    - port: 3000
      name: http
      targetPort: 3000
  selector:
    app: prototype-\${BRANCH}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: prototype-ingress-\${BRANCH}
  annotations:
    external-dns.alpha.kubernetes.io/set-identifier: prototype-ingress-\${BRANCH}-\${KUBE_NAMESPACE}-green
    external-dns.alpha.kubernetes.io/aws-weight: "100"
spec:
  ingressClassName: ${yamlScalar(ingressClass)}
  tls:
    - hosts:
        - ${escapeYaml(host)}
  rules:
    - host: ${escapeYaml(host)}
      http:
        paths:
          - path: /
            pathType: ImplementationSpecific
            backend:
              service:
                name: prototype-service-\${BRANCH}
                port:
                  number: 3000
`;
}
