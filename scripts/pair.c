// Paired one-shot timings of two command lines: A, then B, alternating N times after 3 warm-up
// pairs, each started with posix_spawn and reaped with waitpid (output to /dev/null); prints the
// medians and B/A. What docs/PERFORMANCE.md's "binary before against binary after" rows ran.
//   cc -O2 -o /tmp/pair scripts/pair.c
//   /tmp/pair 40 ./before progress -- ./after progress
//   /tmp/pair 40 /usr/bin/task next -- .build/release/headway score --assessment FILE
// Run it from the repository (the binaries find the curricula from their own folder upwards).
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/wait.h>
extern char **environ;
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec*1e3+t.tv_nsec/1e6;}
static double run(char **args){
  posix_spawn_file_actions_t fa; posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa,1,"/dev/null",O_WRONLY,0);
  posix_spawn_file_actions_addopen(&fa,2,"/dev/null",O_WRONLY,0);
  pid_t p; double t0=now();
  if(posix_spawn(&p,args[0],&fa,NULL,args,environ)!=0){perror("spawn");exit(1);}
  int st; waitpid(p,&st,0); double t=now()-t0; posix_spawn_file_actions_destroy(&fa);
  if(!WIFEXITED(st)||WEXITSTATUS(st)!=0){fprintf(stderr,"%s exited %d\n",args[0],WEXITSTATUS(st));}
  return t;}
static int cmp(const void*a,const void*b){double x=*(double*)a,y=*(double*)b;return x<y?-1:x>y;}
int main(int argc,char**argv){int n=atoi(argv[1]);char**A=argv+2;char**B=NULL;
  for(int i=2;i<argc;i++) if(!strcmp(argv[i],"--")){argv[i]=NULL;B=argv+i+1;break;}
  double *a=malloc(n*sizeof(double)),*b=malloc(n*sizeof(double));
  for(int i=-3;i<n;i++){double x=run(A),y=run(B); if(i>=0){a[i]=x;b[i]=y;}}
  qsort(a,n,sizeof(double),cmp);qsort(b,n,sizeof(double),cmp);
  printf("A %.2f ms  B %.2f ms  B/A %.3f\n",a[n/2],b[n/2],b[n/2]/a[n/2]);return 0;}
